package tcpcheck.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tcpcheck.properties.CounterexampleFile;

/**
 * The files the kernel replays, read as the counterexample format ({@link CounterexampleFile}): by default those that
 * ship with tcpcheck, the RFC scenarios of {@code scenarios/} (copied into this module at build time) and one witness
 * file per witness ({@code witnesses/}, data of this module, written by {@code check --witness}); or the files and
 * folders given on the command line.
 */
public final class ReplayFiles {
    /** The resource folders of the shipped files, in the order they are replayed. */
    static final List<String> SHIPPED = List.of("scenarios", "witnesses");

    /** A file to replay: its name as the report gives it, and its contents. */
    public record ReplayFile(String name, CounterexampleFile.Counterexample file) {
    }

    /** A file that cannot be replayed because it is not a valid counterexample file, or cannot be read. */
    public static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message);
        }
    }

    private ReplayFiles() {
    }

    /** The shipped scenario and witness files ({@code scenarios/NAME.json}, {@code witnesses/NAME.json}). */
    public static List<ReplayFile> shipped() {
        List<ReplayFile> out = new ArrayList<>();
        for (String folder : SHIPPED) {
            for (String name : resourceNames(folder)) {
                String path = folder + "/" + name;
                try (InputStream in = ReplayFiles.class.getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + path);
                    }
                    out.add(new ReplayFile(path, CounterexampleFile.read(new String(in.readAllBytes(),
                            StandardCharsets.UTF_8))));
                } catch (IOException | CounterexampleFile.InvalidException e) {
                    throw new IllegalStateException("cannot read the shipped file " + path + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** The .json files of a resource folder of this module, sorted by name (in a jar or in a classes folder). */
    static List<String> resourceNames(String folder) {
        // Found through this class's own file, which is where the folder is: a jar holds no entry for a folder.
        URL url = ReplayFiles.class.getResource(ReplayFiles.class.getSimpleName() + ".class");
        String inside = "/" + ReplayFiles.class.getPackageName().replace('.', '/') + "/" + folder;
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return jsonNames(Path.of(uri).resolveSibling(folder));
            }
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return jsonNames(fs.getPath(inside));
            } catch (FileSystemAlreadyExistsException e) {
                return jsonNames(FileSystems.getFileSystem(uri).getPath(inside));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot list the resource folder " + inside + ": " + e.getMessage(), e);
        }
    }

    private static List<String> jsonNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    /**
     * The files given: each a counterexample, witness or scenario file, or a folder whose .json files are (as {@code
     * check --out} and {@code justify} write them), in the order given, a folder's files sorted by name.
     *
     * @throws InvalidException naming the first file that is missing, unreadable or not a valid counterexample file
     */
    public static List<ReplayFile> read(List<Path> paths) throws InvalidException {
        List<ReplayFile> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
                } catch (IOException e) {
                    throw new InvalidException(p + ": cannot list the folder: " + e.getMessage());
                }
                if (files.isEmpty()) {
                    throw new InvalidException(p + ": the folder holds no .json file");
                }
                for (Path f : files) {
                    out.add(readOne(f));
                }
            } else {
                out.add(readOne(p));
            }
        }
        return out;
    }

    private static ReplayFile readOne(Path p) throws InvalidException {
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidException(p + ": no such file");
        } catch (IOException e) {
            throw new InvalidException(p + ": cannot read it: " + e.getMessage());
        }
        try {
            return new ReplayFile(p.toString(), CounterexampleFile.read(text));
        } catch (CounterexampleFile.InvalidException e) {
            throw new InvalidException(p + ": " + e.getMessage());
        }
    }
}
