package tcpcheck.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A large array of {@code long}s or {@code int}s in a memory-mapped temporary file of a {@link Scratch}
 * directory: it lives on disk, in the operating system's page cache while there is room, not on the Java heap. It
 * grows without copying, in mappings of 1 GiB (the file is sparse: pages never written take no disk), and several
 * threads may read and write disjoint elements at once; {@link #ensure} must not run while another thread uses the
 * array. {@link #close} unmaps and deletes the file.
 */
abstract class MappedArray implements AutoCloseable {
    static final int SEGMENT_BITS = 30;
    static final long SEGMENT_BYTES = 1L << SEGMENT_BITS;
    static final int SEGMENT_MASK = (int) (SEGMENT_BYTES - 1);
    private static final long SMALLEST = 1 << 16;

    private final Scratch scratch;
    private final Path file;
    private FileChannel channel;
    /** The mappings; all of {@link #SEGMENT_BYTES} but a single first one, which may be smaller. */
    ByteBuffer[] segments = new ByteBuffer[0];
    private long mappedBytes;

    MappedArray(Scratch scratch, String name) {
        this.scratch = scratch;
        this.file = scratch.newFile(name);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes bytes 0 to {@code bytes - 1} addressable. */
    final void ensureBytes(long bytes) {
        if (bytes <= mappedBytes) {
            return;
        }
        try {
            if (mappedBytes < SEGMENT_BYTES) {
                long size = Math.min(SEGMENT_BYTES, Math.max(SMALLEST, Long.highestOneBit(bytes - 1) << 1));
                // The smaller mapping it replaces is left to the garbage collector: a reader may still hold it.
                segments = new ByteBuffer[] {map(0, size)};
                scratch.grew(size - mappedBytes);
                mappedBytes = size;
            }
            while (mappedBytes < bytes) {
                int n = segments.length;
                segments = Arrays.copyOf(segments, n + 1);
                segments[n] = map((long) n * SEGMENT_BYTES, SEGMENT_BYTES);
                mappedBytes += SEGMENT_BYTES;
                scratch.grew(SEGMENT_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + " (" + bytes + " bytes): " + e.getMessage(), e);
        }
    }

    private ByteBuffer map(long position, long size) throws IOException {
        MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_WRITE, position, size);
        return b.order(ByteOrder.nativeOrder());
    }

    /** Bytes of the file addressable now. */
    final long mappedBytes() {
        return mappedBytes;
    }

    @Override
    public void close() {
        ByteBuffer[] s = segments;
        segments = new ByteBuffer[0];
        for (ByteBuffer b : s) {
            unmap(b);
        }
        scratch.grew(-mappedBytes);
        mappedBytes = 0;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the directory is removed at the end of the check
        }
    }

    private static final Object UNSAFE;
    private static final java.lang.reflect.Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        java.lang.reflect.Method cleaner = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = f.get(null);
            cleaner = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // without it, mappings are released by the garbage collector
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = cleaner;
    }

    /** Releases a mapping now rather than at the next garbage collection (the caller no longer uses it). */
    private static void unmap(ByteBuffer b) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, b);
        } catch (ReflectiveOperationException e) {
            // left to the garbage collector
        }
    }
}
