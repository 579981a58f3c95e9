package tcpcheck.checker;

/**
 * A model whose states pack into words and whose fingerprint is the fingerprint of those words: the model is its own
 * {@link StatePacking}, and {@link #fingerprint} packs the state and hashes the words. The breadth-first search then
 * packs each successor once and fingerprints the words it has written ({@link #packAndFingerprint}), one call for
 * both, and keeps those words for a new state.
 *
 * <p>A subclass writes {@link #words}, {@link #pack} and {@link #unpack} besides the model's own methods. Its traces
 * print states by their named fields when {@link #describe(long[], int)} names them (a {@link PackedFields} does),
 * without a hand-written {@code toString}. (A model that fingerprints orbits under symmetry computes its own
 * fingerprint and implements {@link Model} directly.)
 *
 * @param <S> the state type (immutable)
 * @param <A> the action type
 */
public abstract class PackedModel<S, A> implements Model<S, A>, StatePacking<S> {
    private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[words()]);

    /** The fingerprint of the state's packed words. */
    @Override
    public final long fingerprint(S state) {
        return packAndFingerprint(state, scratch.get(), 0);
    }

    @Override
    public final StatePacking<S> packing() {
        return this;
    }

    @Override
    public final boolean fingerprintsWords() {
        return true;
    }

    /** The state's named fields ({@link #describe(long[], int)}), or its {@code toString} if they have no names. */
    @Override
    public String describeState(S state) {
        long[] words = new long[words()];
        pack(state, words, 0);
        String named = describe(words, 0);
        return named != null ? named : String.valueOf(state);
    }
}
