package tcpcheck.checker;

/** The outcome of checking one property. */
public enum Verdict {
    /** The property holds in every behaviour within the bounds (or, for {@code sometimes}, a witness was found). */
    HOLDS,
    /** A counterexample was found (or, for {@code sometimes}, the whole space was searched and no witness exists). */
    VIOLATED,
    /** The search was cut short by a limit before the property could be decided. Never read as HOLDS. */
    INCOMPLETE,
    /**
     * The property's predicate, or the model, threw an exception: reported like a violation, with the shortest trace
     * to the state where it threw and, in the result's detail, what threw and the exception's message. Never read as
     * HOLDS or VIOLATED: the model or the property has a bug.
     */
    ERROR
}
