package tcpcheck.checker;

/**
 * The verdict on one property, with its counterexample (or, for {@code sometimes}, its witness) when there is one.
 *
 * @param trace a shortest counterexample (breadth-first search) or witness; null when none was found
 * @param detail a short explanation: why the search was incomplete, or what kind of counterexample this is
 */
public record PropertyResult<S, A>(Property<S, A> property, Verdict verdict, Trace<S, A> trace, String detail) {

    public String name() {
        return property.name();
    }

    /** The counterexample's (or witness's) length in actions, or -1 when there is no trace. */
    public int traceLength() {
        return trace == null ? -1 : trace.length();
    }
}
