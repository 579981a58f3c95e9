package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth-first search of the safety properties on one thread. The current path is the stack, so a counterexample is
 * the path to the first violation found: a valid trace, but not necessarily a shortest one.
 */
final class DepthFirstSearch<S, A> {
    private final Model<S, A> model;
    private final List<Property<S, A>> properties;
    private final Limits limits;
    private final FingerprintTable table;
    private final List<PropertyResult<S, A>> found;

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
            model.actions(state, actions);
        }
    }

    CheckResult<S, A> run() {
        long start = System.nanoTime();
        long transitions = 0;
        long boundary = 0;
        int maxDepth = 0;
        String stopReason = null;
        List<Frame> stack = new ArrayList<>();
        try {
            search:
            for (S init : model.initialStates()) {
                long fp = FingerprintTable.normalize(model.fingerprint(init));
                if (!table.add(fp)) {
                    continue;
                }
                table.settle(fp);
                stack.add(new Frame(init, fp, null));
                checkState(stack);
                if (!model.withinBoundary(init)) {
                    boundary++;
                    stack.clear();
                    continue;
                }
                while (!stack.isEmpty()) {
                    Frame top = stack.get(stack.size() - 1);
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
                    S t = model.nextState(top.state, a);
                    if (t == null) {
                        continue;
                    }
                    top.enabled = true;
                    transitions++;
                    checkTransition(stack, a, t);
                    long ft = FingerprintTable.normalize(model.fingerprint(t));
                    if (table.add(ft)) {
                        table.settle(ft);
                        stack.add(new Frame(t, ft, a));
                        maxDepth = Math.max(maxDepth, stack.size() - 1);
                        checkState(stack);
                        if (!model.withinBoundary(t)) {
                            boundary++;
                            stack.remove(stack.size() - 1);
                        }
                    }
                }
            }
        } catch (OutOfMemoryError e) {
            stack.clear();
            stopReason = Limits.OUT_OF_MEMORY;
        }
        long states = table.size();
        Statistics stats = new Statistics(states, transitions, maxDepth, boundary, System.nanoTime() - start,
                table.bytes(), 0, BreadthFirstSearch.collisionProbability(states, transitions), 1, java.util.Map.of());
        List<PropertyResult<S, A>> results = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            PropertyResult<S, A> r = found.get(i);
            if (r != null) {
                results.add(r);
            } else if (stopReason != null) {
                results.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, stopReason));
            } else if (p.kind() == Property.Kind.SOMETIMES) {
                results.add(new PropertyResult<>(p, Verdict.VIOLATED, null, "no reachable state satisfies it"));
            } else {
                results.add(new PropertyResult<>(p, Verdict.HOLDS, null, null));
            }
        }
        return new CheckResult<>(results, stats, stopReason);
    }

    private Trace<S, A> path(List<Frame> stack) {
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (Frame f : stack) {
            steps.add(new Trace.Step<>(f.via, f.state));
        }
        return new Trace<>(steps, -1);
    }

    private void checkState(List<Frame> stack) {
        S s = stack.get(stack.size() - 1).state;
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) != null) {
                continue;
            }
            if (p.kind() == Property.Kind.ALWAYS && !p.test(s)) {
                found.set(i, new PropertyResult<>(p, Verdict.VIOLATED, path(stack), null));
            } else if (p.kind() == Property.Kind.SOMETIMES && p.test(s)) {
                found.set(i, new PropertyResult<>(p, Verdict.HOLDS, path(stack), "witness"));
            }
        }
    }

    private void checkTerminal(List<Frame> stack) {
        S s = stack.get(stack.size() - 1).state;
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) == null && p.kind() == Property.Kind.TERMINAL && !p.test(s)) {
                found.set(i, new PropertyResult<>(p, Verdict.VIOLATED, path(stack), null));
            }
        }
    }

    private void checkTransition(List<Frame> stack, A a, S t) {
        S s = stack.get(stack.size() - 1).state;
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (found.get(i) == null && p.kind() == Property.Kind.TRANSITION && !p.test(s, a, t)) {
                found.set(i, new PropertyResult<>(p, Verdict.VIOLATED, path(stack).then(a, t), null));
            }
        }
    }
}
