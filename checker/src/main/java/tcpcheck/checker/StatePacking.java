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

    /**
     * Whether the model's fingerprint of a state is the fingerprint of its packed words
     * ({@link Fingerprint#ofWords}). The search then packs each successor once, fingerprints the words it has just
     * written ({@link #packAndFingerprint}), and keeps those words for a new state, instead of calling
     * {@link Model#fingerprint} and packing the new states again. {@link PackedModel} is such a model.
     */
    default boolean fingerprintsWords() {
        return false;
    }

    /** Packs {@code state} at {@code to[at]} and returns the fingerprint of the words written, in one call. */
    default long packAndFingerprint(S state, long[] to, int at) {
        pack(state, to, at);
        return Fingerprint.ofWords(to, at, words());
    }

    /**
     * The packed state at {@code from[at]} in words for people (for instance its named fields, as
     * {@link PackedFields#describe} gives them), or null to print the unpacked state's {@code toString}. A
     * {@link PackedModel}'s traces print states so ({@link Model#describeState}).
     */
    default String describe(long[] from, int at) {
        return null;
    }
}
