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

    private final Scratch scratch;
    private final Path file;
    private FileChannel channel;
    /** The mappings; all of {@link #SEGMENT_BYTES} but a single first one, which may be smaller. */
    ByteBuffer[] segments = new ByteBuffer[0];
    /** The address of each mapping, for {@link #UNSAFE}'s accessors (no bounds check: callers stay in bounds). */
    long[] addresses = new long[0];
    private long mappedBytes;
    private long usedBytes;

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
        if (bytes <= usedBytes) {
            return;
        }
        scratch.grew(bytes - usedBytes);
        if (bytes <= mappedBytes) {
            usedBytes = bytes;
            return;
        }
        try {
            while (mappedBytes < bytes) {
                int n = segments.length;
                segments = Arrays.copyOf(segments, n + 1);
                segments[n] = map((long) n * SEGMENT_BYTES, SEGMENT_BYTES);
                addresses = Arrays.copyOf(addresses, n + 1);
                addresses[n] = address(segments[n]);
                mappedBytes += SEGMENT_BYTES;
            }
            usedBytes = bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + " (" + bytes + " bytes): " + e.getMessage(), e);
        }
    }

    private ByteBuffer map(long position, long size) throws IOException {
        MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_WRITE, position, size);
        return b.order(ByteOrder.nativeOrder());
    }

    /** The most bytes asked for so far ({@link #ensureBytes}): what the array holds. */
    final long usedBytes() {
        return usedBytes;
    }

    @Override
    public void close() {
        ByteBuffer[] s = segments;
        segments = new ByteBuffer[0];
        addresses = new long[0];
        for (ByteBuffer b : s) {
            unmap(b);
        }
        scratch.grew(-usedBytes);
        mappedBytes = 0;
        usedBytes = 0;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the directory is removed at the end of the check
        }
    }

    /** {@code sun.misc.Unsafe} (module jdk.unsupported), for the accessors and to unmap. */
    static final sun.misc.Unsafe UNSAFE;
    private static final long ADDRESS;

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) f.get(null);
            ADDRESS = UNSAFE.objectFieldOffset(java.nio.Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static long address(ByteBuffer b) {
        return UNSAFE.getLong(b, ADDRESS);
    }

    /** Releases a mapping now rather than at the next garbage collection (the caller no longer uses it). */
    private static void unmap(ByteBuffer b) {
        UNSAFE.invokeCleaner(b);
    }
}
