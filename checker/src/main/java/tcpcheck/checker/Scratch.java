package tcpcheck.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The directory of one check's temporary files: the parent links, the frontier, the liveness graph and, when the
 * visited states outgrow the heap, their sorted runs. It is created under {@link #defaultRoot()} (the system
 * property {@code tcpcheck.tmpdir}, else {@code java.io.tmpdir}) or a directory the caller gives, as
 * {@code tcpcheck-check-PID-N}, and removed with everything in it when the check ends, when it fails, and when the JVM
 * is stopped by SIGINT or SIGTERM (a shutdown hook). A directory left by a process that was killed outright
 * (SIGKILL, the kernel's out-of-memory killer) is removed by the next check that starts in the same root.
 */
public final class Scratch implements AutoCloseable {
    private static final String PREFIX = "tcpcheck-check-";
    private static final Set<Scratch> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Scratch s : OPEN) {
                s.delete();
            }
        }, "tcpcheck-scratch-cleanup"));
    }

    private final Path dir;
    private final AtomicInteger files = new AtomicInteger();
    /** Bytes of the files open in this directory now, and the most there have been at once. */
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();

    private Scratch(Path dir) {
        this.dir = dir;
    }

    /** The root for temporary directories: {@code -Dtcpcheck.tmpdir=DIR}, else {@code java.io.tmpdir}. */
    public static Path defaultRoot() {
        return Paths.get(System.getProperty("tcpcheck.tmpdir", System.getProperty("java.io.tmpdir")));
    }

    /** A new, empty directory under {@code root} (created if need be). */
    public static Scratch in(Path root) {
        try {
            Files.createDirectories(root);
            removeStale(root);
            Path dir = root.resolve(PREFIX + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
            Files.createDirectories(dir);
            Scratch s = new Scratch(dir);
            OPEN.add(s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory under " + root + ": " + e.getMessage(),
                    e);
        }
    }

    /** Removes the directories of processes that no longer run. */
    private static void removeStale(Path root) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path p : ds) {
                String[] parts = p.getFileName().toString().split("-");
                if (parts.length != 4) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(parts[2]);
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /** The reason a check gives when its temporary files failed it (a full disk, say): INCOMPLETE, not a crash. */
    static String failed(UncheckedIOException e) {
        return "the temporary files failed (" + e.getMessage() + "); -Dtcpcheck.tmpdir=DIR puts them elsewhere";
    }

    public Path directory() {
        return dir;
    }

    /** A fresh file name in this directory (the file is not created). */
    Path newFile(String name) {
        return dir.resolve(name + "-" + files.incrementAndGet());
    }

    /** Accounts for {@code delta} bytes more (or fewer) in files of this directory. */
    void grew(long delta) {
        long now = bytes.addAndGet(delta);
        peakBytes.accumulateAndGet(now, Math::max);
    }

    /** The most bytes this directory's files have held at once (as far as they were accounted). */
    public long peakBytes() {
        return peakBytes.get();
    }

    @Override
    public void close() {
        OPEN.remove(this);
        delete();
    }

    private void delete() {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // best effort: a file still mapped elsewhere is gone from the directory anyway on Linux
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException e) {
                    // best effort
                }
            });
        }
    }
}
