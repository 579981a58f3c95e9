package tcpcheck.properties;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * How tcpcheck writes every output file, whatever the command: whole or not at all.
 *
 * <ul>
 *   <li>The content goes to a temporary file beside the target ({@code .NAME.tcpcheck-RANDOM.tmp}), which is then
 *       renamed over the target. A reader sees the old file or the new one, never a part; of concurrent writers of
 *       one file, the last rename wins and the file is that writer's whole content. Nothing deletes a file another
 *       writer renamed.</li>
 *   <li>The file gets the usual mode: 0666 less the umask (0644 under the usual umask of 022), as a shell's
 *       {@code >} would give it.</li>
 *   <li>A symbolic link is written through: its target (followed to the end of a chain) is replaced and the link
 *       stays. A folder is refused; a pipe or a device (a FIFO, {@code /dev/null}) is written to as it is.</li>
 *   <li>When the JVM is stopped (SIGINT, SIGTERM) while files are being written, a shutdown hook waits for the writes
 *       under way to finish or fail and removes any temporary file left; later writes are refused. The JVM then exits
 *       with 130 (SIGINT) or 143 (SIGTERM).</li>
 *   <li>Every failure is a {@link CannotWriteException} naming the path as the caller gave it and the reason.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** Symbolic links followed at most, as the kernel's limit (ELOOP). */
    private static final int MAX_LINKS = 40;
    /** The temporary files being written now. */
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();
    /** Writers hold the read lock; the shutdown hook takes the write lock, so it waits for the writes under way. */
    private static final ReentrantReadWriteLock WRITING = new ReentrantReadWriteLock();
    private static volatile boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::shutDown, "tcpcheck-atomic-files"));
    }

    private AtomicFiles() {
    }

    /** An output that cannot be written: the message names the path as given and the reason. */
    public static final class CannotWriteException extends IOException {
        private static final long serialVersionUID = 1L;

        public CannotWriteException(Path asGiven, String reason) {
            super("cannot write " + shown(asGiven) + ": " + reason);
        }

        public CannotWriteException(Path asGiven, IOException cause) {
            super("cannot write " + shown(asGiven) + ": " + reason(cause), cause);
        }
    }

    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code content} to {@code target} (through a symbolic link), creating the folders it needs. A target
     * that is a pipe or a device (a FIFO, {@code /dev/null}, {@code /dev/stdout}) is written to directly: there is no
     * file to replace.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path real = destination(target);
        WRITING.readLock().lock();
        try {
            if (closing) {
                throw new CannotWriteException(target, "tcpcheck is being stopped");
            }
            if (special(real)) {
                try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
                    out.write(content);
                } catch (IOException e) {
                    throw new CannotWriteException(target, e);
                }
                return;
            }
            Path dir = folder(target, real);
            Path tmp = dir.resolve("." + real.getFileName() + ".tcpcheck-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            TEMPORARY.add(tmp);
            try {
                // CREATE_NEW without attributes opens with mode 0666, less the umask.
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    out.write(content);
                }
                try {
                    Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new CannotWriteException(target, e);
            } finally {
                // Only this writer's own temporary file: never a file another writer renamed.
                Files.deleteIfExists(tmp);
                TEMPORARY.remove(tmp);
            }
        } finally {
            WRITING.readLock().unlock();
        }
    }

    /** A pipe, a device or a socket: it exists and is neither a regular file nor a folder. */
    private static boolean special(Path real) {
        return Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real);
    }

    /**
     * Checks, before any work, that {@code target} can be written: a file name is given, the target (through
     * symbolic links) is not a folder or a special file, and its folder exists or can be made and takes a new file
     * (tried with an empty temporary file, removed at once). Makes the missing folders.
     */
    public static void checkWritable(Path target) throws IOException {
        if (target.toString().isEmpty()) {
            throw new CannotWriteException(target, "no file name given");
        }
        Path real = destination(target);
        if (special(real)) {
            if (!Files.isWritable(real)) {
                throw new CannotWriteException(target, "permission denied");
            }
            return;
        }
        probe(target, folder(target, real));
    }

    /** The folder {@code real} goes into, made when missing; a failure names the path as given. */
    private static Path folder(Path asGiven, Path real) throws IOException {
        Path dir = real.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CannotWriteException(asGiven, e);
        }
        return dir;
    }

    /**
     * Checks that {@code dir} is, or can be made, a folder that takes new files (tried with an empty temporary file,
     * removed at once). Makes it and the folders above it when missing.
     */
    public static void checkFolder(Path dir) throws IOException {
        if (dir.toString().isEmpty()) {
            throw new CannotWriteException(dir, "no folder name given");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CannotWriteException(dir, "it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CannotWriteException(dir, e);
        }
        probe(dir, dir);
    }

    private static void probe(Path asGiven, Path dir) throws IOException {
        Path tmp = dir.resolve(".tcpcheck-probe-" + Long.toHexString(ThreadLocalRandom.current().nextLong()
                & Long.MAX_VALUE) + ".tmp");
        TEMPORARY.add(tmp);
        try {
            Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw new CannotWriteException(asGiven, e);
        } finally {
            Files.deleteIfExists(tmp);
            TEMPORARY.remove(tmp);
        }
    }

    /**
     * The file a write to {@code target} replaces: {@code target} itself, or the end of the chain of symbolic links
     * it starts (a link that names a pipe or a socket of the kernel's, as {@code /proc/self/fd/1} does, ends the
     * chain: it is written to as it is). Refuses a folder and a loop of links.
     */
    static Path destination(Path target) throws IOException {
        if (target.toString().isEmpty()) {
            throw new CannotWriteException(target, "no file name given");
        }
        Path p = target;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new CannotWriteException(target, "too many levels of symbolic links");
            }
            Path link;
            try {
                link = Files.readSymbolicLink(p);
            } catch (IOException e) {
                throw new CannotWriteException(target, e);
            }
            if (link.toString().matches("(pipe|socket|anon_inode):.*")) {
                break;
            }
            p = p.toAbsolutePath().getParent().resolve(link).normalize();
        }
        if (Files.isDirectory(p)) {
            throw new CannotWriteException(target, p.equals(target) ? "it is a folder" : "it links to the folder " + p);
        }
        if (p.getFileName() == null) {
            throw new CannotWriteException(target, "no file name given");
        }
        return p;
    }

    /** The reason of an I/O failure in a few words, without the path (the message names the path as given). */
    public static String reason(IOException e) {
        if (e instanceof CannotWriteException) {
            String m = e.getMessage();
            return m.substring(m.indexOf(": ") + 2);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way of a folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String shown(Path p) {
        return p.toString().isEmpty() ? "''" : p.toString();
    }

    /** The shutdown hook: waits for the writes under way, refuses new ones, removes what they left. */
    private static void shutDown() {
        boolean locked = false;
        try {
            locked = WRITING.writeLock().tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        for (Path tmp : TEMPORARY) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Nothing more can be done on the way out.
            }
        }
        if (locked) {
            WRITING.writeLock().unlock();
        }
    }
}
