package tcpcheck.checker;

/**
 * Where the model threw during a search: what threw (on one line), and the shortest trace to the state where it threw
 * (null when the model's list of initial states itself threw). Every property the search had not decided gets the
 * verdict {@link Verdict#ERROR} with these.
 */
record ModelError<S, A>(String detail, Trace<S, A> trace) {

    PropertyResult<S, A> resultFor(Property<S, A> p) {
        return new PropertyResult<>(p, Verdict.ERROR, trace, detail);
    }
}
