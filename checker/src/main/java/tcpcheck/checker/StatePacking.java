package tcpcheck.checker;

/**
 * How a model's states pack into a fixed number of 64-bit words. A model that offers one ({@link Model#packing})
 * lets the breadth-first search keep its frontier in primitive arrays instead of objects: about half the memory,
 * read in order, and nothing for the garbage collector to copy.
 *
 * <p>{@code unpack(pack(s))} must equal {@code s}, with the same fingerprint.
 *
 * @param <S> the state type
 */
public interface StatePacking<S> {

    /** The words of one state. */
    int words();

    /** Writes {@code state} into {@code to[at]} to {@code to[at + words() - 1]}. */
    void pack(S state, long[] to, int at);

    /** The state written at {@code from[at]}. */
    S unpack(long[] from, int at);
}
