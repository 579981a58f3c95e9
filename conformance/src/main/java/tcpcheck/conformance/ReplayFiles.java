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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tcpcheck.properties.CounterexampleFile;

/**
 * The files the kernel replays, read as the counterexample format ({@link CounterexampleFile}): by default those that
 * ship with tcpcheck, the RFC scenarios of {@code scenarios/} (copied into this module at build time) and one witness
 * file per witness ({@code witnesses/}, data of this module, written by {@code check --witness}); or the files given
 * on the command line, which the command line reads.
 */
public final class ReplayFiles {
    /** The resource folders of the shipped files, in the order they are replayed. */
    static final List<String> SHIPPED = List.of("scenarios", "witnesses");

    /** A file to replay: its name as the report gives it, and its contents. */
    public record ReplayFile(String name, CounterexampleFile.Counterexample file) {
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
}
