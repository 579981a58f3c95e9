package tcpcheck.checker;

/** A {@link MappedArray} of {@code long}s, all 0 at first. */
final class MappedLongs extends MappedArray {

    MappedLongs(Scratch scratch, String name) {
        super(scratch, name);
    }

    /** Makes elements 0 to {@code n - 1} addressable. */
    void ensure(long n) {
        ensureBytes(n << 3);
    }

    long get(long i) {
        long b = i << 3;
        return UNSAFE.getLong(addresses[(int) (b >>> SEGMENT_BITS)] + (b & SEGMENT_MASK));
    }

    void set(long i, long v) {
        long b = i << 3;
        UNSAFE.putLong(addresses[(int) (b >>> SEGMENT_BITS)] + (b & SEGMENT_MASK), v);
    }

    /** Elements ensured so far. */
    long capacity() {
        return usedBytes() >>> 3;
    }
}
