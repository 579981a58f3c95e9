package tcpcheck.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parent links of the breadth-first search, in files, one per level, as TLC keeps its trace on disk: a record
 * (state, parent) of 16 bytes for every state found new in a level, and one more for every other parent of it in the
 * previous level (the table tells, while the level runs, that it was found in this same level). A state's parent is
 * the one with the smallest fingerprint among them, so it does not depend on which thread found the state first.
 *
 * <p>The search threads write through buffers of their own ({@link Writer}); {@link #chains} reads the files back
 * once, from the deepest level wanted to the first, for all the traces of a check at once.
 */
final class ParentLog implements AutoCloseable {
    private static final int RECORDS = 4096;
    private final Scratch scratch;
    private final List<Path> levels = new ArrayList<>();
    private final List<Long> levelRecords = new ArrayList<>();
    private FileChannel current;
    private long currentRecords;
    private long bytes;

    ParentLog(Scratch scratch) {
        this.scratch = scratch;
    }

    /** Starts the file of the given level (levels start at 1: the initial states have no parent). */
    synchronized void startLevel(int level) {
        endLevel();
        while (levels.size() < level) {
            levels.add(null);
            levelRecords.add(0L);
        }
        Path p = scratch.newFile("parents-" + level);
        try {
            current = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        levels.add(p);
        levelRecords.add(0L);
        currentRecords = 0;
    }

    /** Closes the current level's file (the writers have flushed). */
    synchronized void endLevel() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        levelRecords.set(levels.size() - 1, currentRecords);
        current = null;
    }

    private synchronized void append(ByteBuffer b, int records) {
        try {
            while (b.hasRemaining()) {
                current.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parent links: " + e.getMessage(), e);
        }
        currentRecords += records;
        bytes += 16L * records;
        scratch.grew(16L * records);
    }

    /** Bytes written to the files. */
    synchronized long bytes() {
        return bytes;
    }

    /** One search thread's buffer. */
    final class Writer {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(16 * RECORDS).order(ByteOrder.nativeOrder());
        private int n;

        void add(long state, long parent) {
            buffer.putLong(state).putLong(parent);
            if (++n == RECORDS) {
                flush();
            }
        }

        /** Writes what is buffered (at the end of each level). */
        void flush() {
            if (n > 0) {
                buffer.flip();
                append(buffer, n);
                buffer.clear();
                n = 0;
            }
        }
    }

    Writer writer() {
        return new Writer();
    }

    /**
     * The fingerprints along the path to each target, from an initial state (index 0) to the target (index
     * depth): following each state's smallest parent back, level by level. One pass over the files for all
     * targets.
     *
     * @param fps the targets' fingerprints
     * @param depths their levels
     */
    synchronized long[][] chains(long[] fps, int[] depths) {
        endLevel();
        int n = fps.length;
        long[][] chains = new long[n][];
        int deepest = -1;
        for (int t = 0; t < n; t++) {
            chains[t] = new long[depths[t] + 1];
            chains[t][depths[t]] = fps[t];
            deepest = Math.max(deepest, depths[t]);
        }
        ByteBuffer block = ByteBuffer.allocateDirect(16 << 16).order(ByteOrder.nativeOrder());
        for (int level = deepest; level >= 1; level--) {
            Map<Long, Long> wanted = new HashMap<>();
            for (int t = 0; t < n; t++) {
                if (depths[t] >= level) {
                    wanted.put(chains[t][level], -1L);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Path p = level < levels.size() ? levels.get(level) : null;
            if (p != null) {
                try (FileChannel in = FileChannel.open(p, StandardOpenOption.READ)) {
                    block.clear();
                    while (true) {
                        int read = in.read(block);
                        block.flip();
                        while (block.remaining() >= 16) {
                            long state = block.getLong();
                            long parent = block.getLong();
                            Long best = wanted.get(state);
                            if (best != null && (best == -1L || Long.compareUnsigned(parent, best) < 0)) {
                                wanted.put(state, parent);
                            }
                        }
                        block.compact();
                        if (read < 0) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the parent links: " + e.getMessage(), e);
                }
            }
            for (int t = 0; t < n; t++) {
                if (depths[t] >= level) {
                    long parent = wanted.get(chains[t][level]);
                    if (parent == -1L) {
                        return null;
                    }
                    chains[t][level - 1] = parent;
                }
            }
        }
        return chains;
    }

    @Override
    public synchronized void close() {
        endLevel();
        for (Path p : levels) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the directory is removed at the end of the check
                }
            }
        }
        scratch.grew(-bytes);
        levels.clear();
    }
}
