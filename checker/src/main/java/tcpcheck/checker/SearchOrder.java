package tcpcheck.checker;

/** The order in which the explorer visits states. */
public enum SearchOrder {
    /** Level by level: every counterexample found is a shortest one. Runs on several threads. */
    BREADTH_FIRST,
    /** Along one path at a time: less memory for the frontier, counterexamples not shortest. One thread. */
    DEPTH_FIRST
}
