package tcpcheck.checker;

import java.util.List;

/**
 * What a {@link Simulation} found.
 *
 * @param seed the seed the walks were drawn from
 * @param runsAsked the walks asked for
 * @param runs the walks taken (fewer when every property was hit early, or the time limit was reached)
 * @param steps the steps taken by all walks
 * @param nanos the time the walks took (not counting shrinking)
 * @param ends how many walks ended in each {@link Simulation.End}, by ordinal
 * @param findings one per property, in the order given
 * @param stopped why runs were left undone, or why shrinking was cut short (the time limit), or null
 */
public record SimulationResult<S, A>(long seed, int runsAsked, long runs, long steps, long nanos, long[] ends,
                                     List<Finding<S, A>> findings, String stopped) {

    /**
     * The first hit of a property.
     *
     * @param run the first run that hit it, or -1 when none did
     * @param walk the part of that walk that violates the property (for {@code sometimes}: reaches it)
     * @param shrunk the shrunk violation (for {@code sometimes}: the same as walk)
     * @param shrinkTests how many candidate paths the shrinker replayed
     * @param shrinkNanos how long shrinking took
     * @param error what threw, when the hit is an ERROR (the property's predicate or the model threw), else null
     */
    public record Finding<S, A>(Property<S, A> property, int run, Trace<S, A> walk, Trace<S, A> shrunk,
                                int shrinkTests, long shrinkNanos, String error) {
        public boolean found() {
            return run >= 0;
        }

        /** The verdict this hit stands for: ERROR if something threw, VIOLATED (a witness for sometimes), or null. */
        public Verdict verdict() {
            if (!found()) {
                return null;
            }
            if (error != null) {
                return Verdict.ERROR;
            }
            return property.kind() == Property.Kind.SOMETIMES ? Verdict.HOLDS : Verdict.VIOLATED;
        }
    }

    public Finding<S, A> finding(String propertyName) {
        for (Finding<S, A> f : findings) {
            if (f.property().name().equals(propertyName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no property named '" + propertyName + "'");
    }

    public long ended(Simulation.End end) {
        return ends[end.ordinal()];
    }

    public double walksPerSecond() {
        return nanos == 0 ? 0 : runs / (nanos / 1e9);
    }

    public double stepsPerSecond() {
        return nanos == 0 ? 0 : steps / (nanos / 1e9);
    }
}
