package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth-first search of the safety properties on one thread. The current path is the stack, so a counterexample is
 * the path to the first violation found: a valid trace, but not necessarily a shortest one. Constraints, deadlocks
 * and exceptions are treated as the breadth-first search treats them.
 */
final class DepthFirstSearch<S, A> {
    private final Model<S, A> model;
    private final List<Property<S, A>> properties;
    private final Limits limits;
    private final FingerprintTable table;
    private final List<PropertyResult<S, A>> found;
    /** What the model threw and where; null if it did not throw. */
    private ModelError<S, A> modelError;

    DepthFirstSearch(Model<S, A> model, List<Property<S, A>> safety, Limits limits, long expectedStates) {
        this.model = model;
        this.properties = safety;
        this.limits = limits;
        this.table = new FingerprintTable(false, expectedStates);
        this.found = new ArrayList<>();
        for (int i = 0; i < safety.size(); i++) {
            found.add(null);
        }
    }

    private final class Frame {
        final S state;
        final long fp;
        final A via;
        final List<A> actions = new ArrayList<>();
        int next;
        boolean enabled;

        Frame(S state, long fp, A via) {
            this.state = state;
            this.fp = fp;
            this.via = via;
        }
    }

    CheckResult<S, A> run() {
        long start = System.nanoTime();
        long transitions = 0;
        long boundary = 0;
        long initialListed = 0;
        long initialCounted = 0;
        int maxDepth = 0;
        String stopReason = null;
        List<Frame> stack = new ArrayList<>();
        S current = null;
        A taking = null;
        try {
            search:
            for (S init : model.initialStates()) {
                initialListed++;
                current = init;
                taking = null;
                long fp = FingerprintTable.normalize(model.fingerprint(init));
                if (!model.constraint(init)) {
                    checkState(init, new Trace<S, A>(List.of(new Trace.Step<>(null, init)), -1));
                    continue;
                }
                if (!table.add(fp)) {
                    continue;
                }
                initialCounted++;
                table.settle(fp);
                stack.add(new Frame(init, fp, null));
                checkState(init, null, stack);
                if (!model.withinBoundary(init)) {
                    boundary++;
                    stack.clear();
                    continue;
                }
                model.actions(init, stack.get(0).actions);
                while (!stack.isEmpty()) {
                    Frame top = stack.get(stack.size() - 1);
                    current = top.state;
                    taking = null;
                    if (top.next == top.actions.size() || stack.size() - 1 >= limits.maxDepth()) {
                        if (stack.size() - 1 >= limits.maxDepth() && !top.actions.isEmpty()) {
                            stopReason = limits.depthReached();
                        } else if (!top.enabled) {
                            checkTerminal(stack);
                        }
                        stack.remove(stack.size() - 1);
                        continue;
                    }
                    if ((transitions & 1023) == 0 && (stopReason = limits.reached(table.size(), start)) != null) {
                        break search;
                    }
                    int ai = top.next++;
                    A a = top.actions.get(ai);
                    taking = a;
                    S t = model.nextState(top.state, a);
                    if (t == null) {
                        continue;
                    }
                    top.enabled = true;
                    transitions++;
                    checkTransition(stack, a, t);
                    if (!model.followed(top.state, a, t)) {
                        checkState(t, path(stack).then(a, t));
                        continue;
                    }
                    long ft = FingerprintTable.normalize(model.fingerprint(t));
                    if (table.add(ft)) {
                        table.settle(ft);
                        stack.add(new Frame(t, ft, a));
                        maxDepth = Math.max(maxDepth, stack.size() - 1);
                        checkState(t, null, stack);
                        if (!model.withinBoundary(t)) {
                            boundary++;
                            stack.remove(stack.size() - 1);
                        } else {
                            current = t;
                            taking = null;
                            model.actions(t, stack.get(stack.size() - 1).actions);
                        }
                    }
                }
            }
        } catch (OutOfMemoryError e) {
            stack.clear();
            stopReason = Limits.OUT_OF_MEMORY;
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            Trace<S, A> at = stack.isEmpty() ? (current == null ? null : Trace.of(current)) : path(stack);
            String what = taking == null ? "the model" : "the model, taking the action " + model.describe(taking) + ",";
            modelError = new ModelError<>(Thrown.describe(what, e), at);
            stopReason = modelError.detail();
        }
        long states = table.size();
        Statistics stats = new Statistics(states, transitions, maxDepth, boundary, System.nanoTime() - start,
                table.bytes(), 0, BreadthFirstSearch.collisionProbability(states, transitions), 1, java.util.Map.of(),
                initialCounted, initialListed + transitions);
        List<PropertyResult<S, A>> results = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            PropertyResult<S, A> r = found.get(i);
            if (r != null) {
                results.add(r);
            } else if (modelError != null) {
                results.add(modelError.resultFor(p));
            } else {
                results.add(Findings.result(p, null, null, stopReason));
            }
        }
        return new CheckResult<>(results, stats, stopReason);
    }

    /** What the model threw, and where; null when it did not throw. */
    ModelError<S, A> modelError() {
        return modelError;
    }

    private Trace<S, A> path(List<Frame> stack) {
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (Frame f : stack) {
            steps.add(new Trace.Step<>(f.via, f.state));
        }
        return new Trace<>(steps, -1);
    }

    /** Checks the state properties on {@code s}, at the end of {@code trace} (or of the stack's path). */
    private void checkState(S s, Trace<S, A> trace, List<Frame> stack) {
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) != null || !p.onEachState()) {
                continue;
            }
            try {
                if (p.foundIn(s)) {
                    Trace<S, A> t = trace != null ? trace : path(stack);
                    found.set(i, p.kind() == Property.Kind.SOMETIMES ? new PropertyResult<>(p, Verdict.HOLDS, t,
                            "witness") : new PropertyResult<>(p, Verdict.VIOLATED, t, null));
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                found.set(i, new PropertyResult<>(p, Verdict.ERROR, trace != null ? trace : path(stack),
                        Thrown.describe("the predicate", e)));
            }
        }
    }

    private void checkState(S s, Trace<S, A> trace) {
        checkState(s, trace, null);
    }

    private void checkTerminal(List<Frame> stack) {
        S s = stack.get(stack.size() - 1).state;
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) == null && p.kind() == Property.Kind.TERMINAL) {
                try {
                    if (!p.test(s)) {
                        found.set(i, new PropertyResult<>(p, Verdict.VIOLATED, path(stack), null));
                    }
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    found.set(i, new PropertyResult<>(p, Verdict.ERROR, path(stack),
                            Thrown.describe("the predicate", e)));
                }
            }
        }
    }

    private void checkTransition(List<Frame> stack, A a, S t) {
        S s = stack.get(stack.size() - 1).state;
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) == null && p.kind() == Property.Kind.TRANSITION) {
                try {
                    if (!p.test(s, a, t)) {
                        found.set(i, new PropertyResult<>(p, Verdict.VIOLATED, path(stack).then(a, t), null));
                    }
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    found.set(i, new PropertyResult<>(p, Verdict.ERROR, path(stack).then(a, t),
                            Thrown.describe("the predicate", e)));
                }
            }
        }
    }
}
