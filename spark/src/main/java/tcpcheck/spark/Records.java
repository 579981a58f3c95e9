package tcpcheck.spark;

/**
 * The records that travel between the stages of a level, all {@code long[]}, keyed by a {@code long}:
 * <ul>
 *   <li>a state: key its fingerprint, value {fingerprint, parent's fingerprint, packed words …};</li>
 *   <li>a finding of the expansion (a transition or terminal property violated, a state property violated by a
 *       state outside the constraints, a predicate or the model that threw): key {@link #FINDING}, value a
 *       {@link Findings} record;</li>
 *   <li>a partition's count of transitions: key {@link #TRANSITIONS}, value {count}.</li>
 * </ul>
 * The keys of the last two are below 2^32, which no normalized fingerprint is: they all go to partition 0.
 */
final class Records {
    static final long FINDING = 1;
    static final long TRANSITIONS = 2;
    /** Words before the packed state in a state's record. */
    static final int HEADER = 2;

    private Records() {
    }
}
