package tcpcheck.properties;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder that a command writes counterexamples into ({@code --out DIR}), reserved before the search starts and
 * written after it.
 *
 * <p><b>Checked first.</b> {@link #open} makes the folder when it is missing, checks that it takes new files, and
 * locks it: a second tcpcheck that asks for the same folder while the first holds it is refused at once (the lock
 * is a file in the temporary folder, named after the folder's real path, so nothing is added to the folder itself;
 * the operating system releases it when the process ends, however it ends). {@link #checkOwned} then refuses any
 * file of the names the command may write that tcpcheck did not write.
 *
 * <p><b>Never another's file.</b> A file is tcpcheck's when it is
 * <ul>
 *   <li>{@code NAME.json} holding a tcpcheck counterexample (its {@code "schema"} is {@value CounterexampleFile#SCHEMA});</li>
 *   <li>{@code NAME.md}, {@code NAME.svg}, {@code NAME.pcapng} (or an earlier version's {@code NAME.pcap}) beside
 *   such a {@code NAME.json};</li>
 *   <li>{@code README.md} whose first line is the heading of the index {@code justify} writes.</li>
 * </ul>
 * Only such files are replaced, and, when a command asks for it ({@code justify}), removed when this run did not
 * write them again. Every file is written by {@link AtomicFiles}.
 */
public final class OutputFolder implements AutoCloseable {
    /** The kinds of file written per counterexample (.pcap: the capture of earlier versions, replaced by .pcapng). */
    public static final List<String> EXTENSIONS = List.of(".json", ".md", ".svg", ".pcapng", ".pcap");
    /** The index's name. */
    public static final String INDEX = "README.md";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private OutputFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Makes and checks the folder and locks it; refuses a folder another tcpcheck is writing. */
    public static OutputFolder open(Path dir) throws IOException {
        AtomicFiles.checkFolder(dir);
        Path lockFile = lockFile(dir);
        FileChannel ch;
        try {
            Files.createDirectories(lockFile.getParent());
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AtomicFiles.CannotWriteException(dir, "cannot lock it (" + lockFile + ": "
                    + AtomicFiles.reason(e) + ")");
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = holder(ch);
            ch.close();
            throw new AtomicFiles.CannotWriteException(dir, "another tcpcheck" + holder + " is writing this folder; "
                    + "wait for it to end or choose another folder");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new OutputFolder(dir, ch, l);
    }

    /** The folder as the user gave it. */
    public Path dir() {
        return dir;
    }

    private static Path lockFile(Path dir) throws IOException {
        String real = dir.toRealPath().toString();
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(real.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "tcpcheck-locks-" + System.getProperty("user.name"),
                hash + ".lock");
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            int n = ch.read(b, 0);
            String pid = n > 0 ? new String(b.array(), 0, n, StandardCharsets.UTF_8).trim() : "";
            return pid.matches("[0-9]+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Refuses, naming it, a file among {@code names} that exists in the folder and is not tcpcheck's. */
    public void checkOwned(Collection<String> names) throws IOException {
        for (String n : names) {
            Path f = dir.resolve(n);
            if (Files.exists(f) && !ours(n)) {
                throw new AtomicFiles.CannotWriteException(f, "it exists and tcpcheck did not write it ("
                        + ownership(n) + "); tcpcheck never replaces such a file: move it or choose another folder");
            }
        }
    }

    /** The names a counterexample of this base name is written as. */
    public static List<String> names(String base) {
        return EXTENSIONS.stream().map(e -> base + e).toList();
    }

    /**
     * Writes the files (each whole, by {@link AtomicFiles}), after checking that none replaces a file tcpcheck did not
     * write; with {@code removeStale}, then removes the counterexamples an earlier run wrote that this one did not.
     * Returns the paths written, under the folder as the user gave it.
     */
    public List<Path> write(Map<String, byte[]> files, boolean removeStale) throws IOException {
        checkOwned(files.keySet());
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            AtomicFiles.write(f, e.getValue());
            written.add(f);
            if (e.getKey().endsWith(".pcapng")) {
                // The libpcap capture an earlier version wrote beside the same counterexample.
                String old = e.getKey().substring(0, e.getKey().length() - 2);
                if (!files.containsKey(old) && ours(old)) {
                    Files.delete(dir.resolve(old));
                }
            }
        }
        if (removeStale) {
            List<Path> stale = new ArrayList<>();
            try (Stream<Path> all = Files.list(dir)) {
                for (Path f : (Iterable<Path>) all::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".json") && !files.containsKey(name) && ours(name)) {
                        stale.add(f);
                    }
                }
            }
            for (Path json : stale) {
                String base = json.getFileName().toString();
                base = base.substring(0, base.length() - ".json".length());
                for (String ext : EXTENSIONS) {
                    if (!ext.equals(".json")) {
                        Files.deleteIfExists(dir.resolve(base + ext));
                    }
                }
                Files.deleteIfExists(json);
            }
        }
        return written;
    }

    /** Whether the file of this name in the folder is tcpcheck's (see the class comment). */
    boolean ours(String name) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        if (name.equals(INDEX)) {
            return firstLine(f).equals(indexHeading());
        }
        if (name.endsWith(".json")) {
            return isCounterexample(f);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && isCounterexample(dir.resolve(name.substring(0, dot) + ".json"));
    }

    private static String ownership(String name) {
        if (name.equals(INDEX)) {
            return "its first line is not \"" + indexHeading() + "\", the heading of the index justify writes";
        }
        if (name.endsWith(".json")) {
            return "not a tcpcheck counterexample";
        }
        int dot = name.lastIndexOf('.');
        return "no tcpcheck counterexample " + (dot > 0 ? name.substring(0, dot) : name) + ".json beside it";
    }

    private static boolean isCounterexample(Path f) {
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try (var in = Files.newInputStream(f)) {
            String s = new String(in.readNBytes(1024), StandardCharsets.UTF_8);
            return s.matches("(?s)\\s*\\{.*\"schema\"\\s*:\\s*\"" + CounterexampleFile.SCHEMA + "\".*");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String firstLine(Path f) {
        try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The first line of the index that {@link CounterexampleFolder#files} writes. */
    private static String indexHeading() {
        String index = new String(CounterexampleFolder.files(List.of()).get(INDEX), StandardCharsets.UTF_8);
        return index.lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
