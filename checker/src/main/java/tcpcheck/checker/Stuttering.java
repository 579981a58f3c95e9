package tcpcheck.checker;

/**
 * Whether a behaviour may stop, for the liveness properties ({@code eventually}, leads-to): the one semantic choice
 * in which this engine's default and TLA+ differ.
 */
public enum Stuttering {
    /**
     * The default: a behaviour cannot stop while an action is enabled, fair or not. It goes on until a state with no
     * enabled action (a deadlock), where it ends; an action without fairness may still be ignored for ever if the
     * behaviour has something else to do (a cycle). Stateright's {@code eventually} means this.
     */
    FORBIDDEN,
    /**
     * TLA+'s (and TLC's): a behaviour may stutter for ever in any state, unless an action subject to weak fairness is
     * enabled there. A step that leaves the state unchanged (a self-loop) is stuttering: it neither enables nor takes
     * a fairness class, as {@code ENABLED <<A>>_vars} and {@code <<A>>_vars} have it. A violation that stops is a
     * lasso whose cycle is the last state stuttering ({@link Trace#stutters()}).
     */
    ALLOWED
}
