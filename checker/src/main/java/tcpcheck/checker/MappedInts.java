package tcpcheck.checker;

/** A {@link MappedArray} of {@code int}s, all 0 at first. */
final class MappedInts extends MappedArray {

    MappedInts(Scratch scratch, String name) {
        super(scratch, name);
    }

    /** Makes elements 0 to {@code n - 1} addressable. */
    void ensure(long n) {
        ensureBytes(n << 2);
    }

    int get(long i) {
        long b = i << 2;
        return UNSAFE.getInt(addresses[(int) (b >>> SEGMENT_BITS)] + (b & SEGMENT_MASK));
    }

    void set(long i, int v) {
        long b = i << 2;
        UNSAFE.putInt(addresses[(int) (b >>> SEGMENT_BITS)] + (b & SEGMENT_MASK), v);
    }

    /** Elements ensured so far. */
    long capacity() {
        return usedBytes() >>> 2;
    }
}
