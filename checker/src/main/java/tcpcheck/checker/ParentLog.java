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
 * (state, parent) of 16 bytes for every state found new in a level. A state's parent is the one with the smallest
 * fingerprint among its parents in the previous level, so it does not depend on which thread found the state first.
 *
 * <p>While a level runs, the search threads write a record for every state they find new and one for every other
 * parent of a state first found in the same level (the table tells), through buffers of their own
 * ({@link Writer}), into {@value #BUCKETS} bucket files by the state's top bits. When the level ends, each bucket is
 * read back and reduced to one record per state, its smallest parent, which is appended to the links file, and
 * emptied: 16 bytes per state on disk, however many parents it had. {@link #chains} reads each level's part of the
 * links back once, from the deepest level wanted to the first, for all the traces of a check at once.
 */
final class ParentLog implements AutoCloseable {
    static final int BUCKETS = 64;
    private static final int RECORDS = 2048;
    private final Scratch scratch;
    /** The reduced links of every level, one after the other; level L's are bytes levelStart[L] to levelStart[L+1]. */
    private final Path linksPath;
    private FileChannel links;
    private final List<Long> levelStart = new ArrayList<>();
    /** The buckets of the current level, emptied when it ends (the files are reused from level to level). */
    private final Path[] bucketPaths = new Path[BUCKETS];
    private final FileChannel[] buckets = new FileChannel[BUCKETS];
    private int level = -1;
    private long bytes;

    ParentLog(Scratch scratch) {
        this.scratch = scratch;
        this.linksPath = scratch.newFile("parents");
    }

    /** Starts the given level (levels start at 1: the initial states have no parent). */
    synchronized void startLevel(int level) {
        endLevel();
        this.level = level;
        try {
            if (links == null) {
                links = FileChannel.open(linksPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                for (int b = 0; b < BUCKETS; b++) {
                    bucketPaths[b] = scratch.newFile("parents-bucket");
                    buckets[b] = FileChannel.open(bucketPaths[b], StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, StandardOpenOption.READ);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the parent links' files: " + e.getMessage(), e);
        }
    }

    /**
     * Ends the current level (the writers have flushed): each bucket reduced to the smallest parent per state,
     * appended to the links, and emptied; the buckets shared among the threads of {@code parallel} (null: this one).
     */
    void endLevel(GraphRecorder.Parallel parallel) {
        synchronized (this) {
            if (level < 0) {
                return;
            }
            while (levelStart.size() <= level) {
                levelStart.add(bytes);
            }
        }
        GraphRecorder.Parallel.Job job = (part, parts) -> {
            ByteBuffer block = ByteBuffer.allocateDirect(16 << 12).order(ByteOrder.nativeOrder());
            for (int b = part; b < BUCKETS; b += parts) {
                reduce(b, block);
            }
        };
        if (parallel == null) {
            job.run(0, 1);
        } else {
            parallel.run(job);
        }
        synchronized (this) {
            levelStart.add(bytes);
            level = -1;
        }
    }

    void endLevel() {
        endLevel(null);
    }

    /** Reduces bucket {@code b} to one record per state, appends it to the links, and empties it. */
    private void reduce(int b, ByteBuffer block) {
        try {
            long records = buckets[b].size() / 16;
            if (records == 0) {
                return;
            }
            scratch.grew(-16 * records);
            LongLongMap smallest = new LongLongMap((int) Math.min(Integer.MAX_VALUE / 2, records));
            buckets[b].position(0);
            block.clear();
            while (true) {
                int read = buckets[b].read(block);
                block.flip();
                while (block.remaining() >= 16) {
                    smallest.keepSmaller(block.getLong(), block.getLong());
                }
                block.compact();
                if (read < 0) {
                    break;
                }
            }
            buckets[b].truncate(0);
            buckets[b].position(0);
            block.clear();
            for (int i = 0; i < smallest.capacity(); i++) {
                if (smallest.key(i) != 0) {
                    if (block.remaining() < 16) {
                        writeLinks(block);
                    }
                    block.putLong(smallest.key(i)).putLong(smallest.value(i));
                }
            }
            writeLinks(block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parent links: " + e.getMessage(), e);
        }
    }

    private synchronized void writeLinks(ByteBuffer block) throws IOException {
        int n = block.position();
        write(links, block);
        bytes += n;
        scratch.grew(n);
    }

    private static void write(FileChannel file, ByteBuffer block) throws IOException {
        block.flip();
        while (block.hasRemaining()) {
            file.write(block);
        }
        block.clear();
    }

    private void append(int bucket, ByteBuffer b, int records) {
        FileChannel c = buckets[bucket];
        synchronized (c) {
            try {
                while (b.hasRemaining()) {
                    c.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the parent links: " + e.getMessage(), e);
            }
        }
        scratch.grew(16L * records);
    }

    /** Bytes of the level files (the reduced links). */
    synchronized long bytes() {
        return bytes;
    }

    /** One search thread's buffers: a pair of longs per record, by bucket, written out a block at a time. */
    final class Writer {
        private final long[][] records = new long[BUCKETS][2 * RECORDS];
        private final int[] counts = new int[BUCKETS];
        private final ByteBuffer out = ByteBuffer.allocateDirect(16 * RECORDS).order(ByteOrder.nativeOrder());

        void add(long state, long parent) {
            int b = (int) (state >>> 58);
            long[] r = records[b];
            int n = counts[b];
            r[2 * n] = state;
            r[2 * n + 1] = parent;
            counts[b] = ++n;
            if (n == RECORDS) {
                flush(b);
            }
        }

        private void flush(int b) {
            int n = counts[b];
            if (n > 0) {
                out.clear();
                out.asLongBuffer().put(records[b], 0, 2 * n);
                out.limit(16 * n);
                append(b, out, n);
                counts[b] = 0;
            }
        }

        /** Writes what is buffered (at the end of each level). */
        void flush() {
            for (int b = 0; b < BUCKETS; b++) {
                flush(b);
            }
        }
    }

    Writer writer() {
        return new Writer();
    }

    /**
     * The fingerprints along the path to each target, from an initial state (index 0) to the target (index
     * depth): following each state's parent back, level by level. One pass over the files for all targets; null
     * when a state has no recorded parent.
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
            if (level + 1 < levelStart.size()) {
                long from = levelStart.get(level);
                long to = levelStart.get(level + 1);
                try (FileChannel in = FileChannel.open(linksPath, StandardOpenOption.READ)) {
                    long at = from;
                    while (at < to) {
                        block.clear();
                        block.limit((int) Math.min(block.capacity(), to - at));
                        int read = in.read(block, at);
                        if (read < 0) {
                            break;
                        }
                        at += read;
                        block.flip();
                        while (block.remaining() >= 16) {
                            long state = block.getLong();
                            long parent = block.getLong();
                            if (wanted.containsKey(state)) {
                                wanted.put(state, parent);
                            }
                        }
                        at -= block.remaining();
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
        level = -1;
        try {
            for (int b = 0; b < BUCKETS; b++) {
                if (buckets[b] != null) {
                    scratch.grew(-buckets[b].size());
                    buckets[b].close();
                    Files.deleteIfExists(bucketPaths[b]);
                    buckets[b] = null;
                }
            }
            if (links != null) {
                links.close();
                links = null;
            }
            Files.deleteIfExists(linksPath);
        } catch (IOException e) {
            // best effort: the directory is removed at the end of the check
        }
        scratch.grew(-bytes);
        bytes = 0;
        levelStart.clear();
    }

    /**
     * A map from a state to its smallest parent (unsigned), open addressing with linear probing, for one bucket of a
     * level (0 is no key: a normalized fingerprint is never 0).
     */
    private static final class LongLongMap {
        private final long[] keys;
        private final long[] values;

        /** @param records at most this many distinct keys will come (the load stays at most 0.8) */
        LongLongMap(int records) {
            int cap = Math.max(16, records + records / 4 + 1);
            keys = new long[cap];
            values = new long[cap];
        }

        void keepSmaller(long key, long value) {
            int cap = keys.length;
            int i = (int) (((Fingerprint.avalanche(key) >>> 32) * cap) >>> 32);
            while (keys[i] != 0 && keys[i] != key) {
                if (++i == cap) {
                    i = 0;
                }
            }
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
            } else if (Long.compareUnsigned(value, values[i]) < 0) {
                values[i] = value;
            }
        }

        int capacity() {
            return keys.length;
        }

        long key(int i) {
            return keys[i];
        }

        long value(int i) {
            return values[i];
        }
    }
}
