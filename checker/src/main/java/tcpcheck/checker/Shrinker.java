package tcpcheck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a path that violates a property to a shorter one that violates the same property, in the manner of
 * delta debugging (Zeller's ddmin, complements only) and DSLabs' trace minimizer:
 * <ol>
 *   <li>drop chunks of steps, halving the chunk size down to single steps, keeping any candidate whose every action
 *       is still enabled where it is taken and that still violates the property ({@link Violation#find}, which
 *       also cuts the candidate at its first violation);</li>
 *   <li>cut out every stretch between two visits of the same state;</li>
 *   <li>replace each fault by the plainer actions the model offers (a delivery instead of a loss), where the
 *       violation survives;</li>
 *   <li>when none of these helps, look for a {@linkplain #shortcut shortcut}: a shorter path between two states of
 *       the path, found by a small breadth-first search.</li>
 * </ol>
 * and repeats until a round changes nothing. Every accepted candidate is shorter, or as long with fewer faults, so
 * shrinking ends. A recorded action that is not enabled as recorded may stand for an enabled one that
 * {@link Hints#match matches} it (the same segment, older by a tick that was dropped).
 */
public final class Shrinker<S, A> {

    /** What the model tells the shrinker about its actions. The defaults know nothing. */
    public interface Hints<S, A> {

        /** Whether the action is a fault of the adversary (a loss, a duplication, a crash). */
        default boolean fault(A action) {
            return false;
        }

        /** Plainer actions to try in place of a fault taken in {@code state}. */
        default List<A> plainer(S state, A fault) {
            return List.of();
        }

        /**
         * The index in {@code enabled} of the step that stands for {@code recorded} when {@code recorded} itself is
         * not enabled, or -1.
         */
        default int match(A recorded, List<Trace.Step<S, A>> enabled) {
            return -1;
        }
    }

    private final Model<S, A> model;
    private final Property<S, A> property;
    private final Hints<S, A> hints;
    private final int maxTests;
    private int shortcutStates = 20_000;
    private static final int SHORTCUT_DEPTH = 8;
    private int tests;
    private long deadline;
    private boolean deadlineSet;
    private boolean cutShort;
    private final List<A> scratch = new ArrayList<>();
    private Stuttering stuttering = Stuttering.FORBIDDEN;

    public Shrinker(Model<S, A> model, Property<S, A> property, Hints<S, A> hints, int maxTests) {
        this.model = model;
        this.property = property;
        this.hints = hints != null ? hints : new Hints<>() { };
        this.maxTests = maxTests;
    }

    /** The most states each shortcut search visits; 0 turns shortcuts off (default 20,000). */
    public Shrinker<S, A> shortcutStates(int n) {
        this.shortcutStates = n;
        return this;
    }

    /** Whether a behaviour may stop, for a liveness property (as {@link Checker#stuttering}). */
    public Shrinker<S, A> stuttering(Stuttering s) {
        this.stuttering = java.util.Objects.requireNonNull(s);
        return this;
    }

    /**
     * Stop shrinking at this {@link System#nanoTime()} (the trace found so far is returned); without it, only the test
     * budget bounds shrinking.
     */
    public Shrinker<S, A> deadline(long nanoTime) {
        this.deadline = nanoTime;
        this.deadlineSet = true;
        return this;
    }

    /** Whether the deadline stopped shrinking before it was done. */
    public boolean cutShort() {
        return cutShort;
    }

    /** Whether another candidate may be tried: the test budget and the deadline are not used up. */
    private boolean budget() {
        if (tests >= maxTests) {
            return false;
        }
        if (deadlineSet && System.nanoTime() - deadline >= 0) {
            cutShort = true;
            return false;
        }
        return true;
    }

    /** How many candidate paths were replayed so far. */
    public int tests() {
        return tests;
    }

    /**
     * A violating trace no longer than {@code violating} (which must violate the property, as {@link Violation#find}
     * says); it is 1-minimal for dropping single steps unless the test budget ran out.
     */
    public Trace<S, A> shrink(Trace<S, A> violating) {
        S initial = violating.steps().get(0).state();
        Trace<S, A> best = Violation.find(model, property, violating, stuttering);
        if (best == null) {
            throw new IllegalArgumentException("the trace does not violate " + property);
        }
        boolean changed = true;
        while (changed && budget()) {
            changed = false;
            Trace<S, A> t = dropChunks(initial, best);
            t = cutCycles(initial, t);
            t = plainerFaults(initial, t);
            if (!better(t, best) && shortcutStates > 0) {
                try {
                    t = shortcut(initial, t);
                } catch (RuntimeException e) {
                    // The model threw off the path: no shortcut there.
                }
            }
            if (better(t, best)) {
                best = t;
                changed = true;
            }
        }
        return best;
    }

    private Trace<S, A> dropChunks(S initial, Trace<S, A> best) {
        int n = 2;
        while (best.length() >= 1 && budget()) {
            List<A> actions = best.actions();
            int len = actions.size();
            int chunk = Math.max(1, (len + n - 1) / n);
            boolean reduced = false;
            for (int start = 0; start < len && budget(); start += chunk) {
                List<A> candidate = new ArrayList<>(actions.subList(0, start));
                candidate.addAll(actions.subList(Math.min(len, start + chunk), len));
                Trace<S, A> t = test(initial, candidate);
                if (t != null && better(t, best)) {
                    best = t;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunk == 1) {
                    break;
                }
                n = Math.min(n * 2, len);
            }
        }
        return best;
    }

    private Trace<S, A> cutCycles(S initial, Trace<S, A> best) {
        boolean cut = true;
        while (cut && budget()) {
            cut = false;
            List<S> states = best.states();
            Map<Long, Integer> first = new HashMap<>();
            for (int i = 0; i < states.size() && !cut; i++) {
                Integer j = first.putIfAbsent(model.fingerprint(states.get(i)), i);
                if (j != null) {
                    List<A> actions = best.actions();
                    List<A> candidate = new ArrayList<>(actions.subList(0, j));
                    candidate.addAll(actions.subList(i, actions.size()));
                    Trace<S, A> t = test(initial, candidate);
                    if (t != null && better(t, best)) {
                        best = t;
                        cut = true;
                    }
                }
            }
        }
        return best;
    }

    private Trace<S, A> plainerFaults(S initial, Trace<S, A> best) {
        for (int i = 0; i < best.length() && budget(); i++) {
            A a = best.steps().get(i + 1).action();
            if (!hints.fault(a)) {
                continue;
            }
            for (A plain : hints.plainer(best.steps().get(i).state(), a)) {
                List<A> candidate = new ArrayList<>(best.actions());
                candidate.set(i, plain);
                Trace<S, A> t = test(initial, candidate);
                if (t != null && better(t, best)) {
                    best = t;
                    break;
                }
            }
        }
        return best;
    }

    /**
     * Looks for a shorter way from a state of the path: a breadth-first search from each state, of at most
     * {@link #shortcutStates} states and {@link #SHORTCUT_DEPTH} steps, for a later state of the path that it
     * reaches in fewer steps than the path takes (then the rest of the path follows unchanged), or for a violation
     * of its own in fewer steps than the rest of the path. This finds what dropping steps cannot when several steps
     * far apart must go together, or when a different end violates the property sooner.
     */
    private Trace<S, A> shortcut(S initial, Trace<S, A> best) {
        List<S> states = best.states();
        List<A> actions = best.actions();
        Map<Long, Integer> lastAt = new HashMap<>();
        for (int j = 0; j < states.size(); j++) {
            lastAt.put(model.fingerprint(states.get(j)), j);
        }
        for (int i = 0; i < states.size() - 2 && budget(); i++) {
            // Breadth-first from state i; each entry: the path of actions from state i.
            Map<Long, List<A>> paths = new HashMap<>();
            List<S> frontier = new ArrayList<>(List.of(states.get(i)));
            paths.put(model.fingerprint(states.get(i)), List.of());
            int bestSaving = 0;
            int bestJ = -1;
            List<A> bestPath = null;
            boolean bestEndsHere = false;
            for (int d = 1; d <= SHORTCUT_DEPTH && d < states.size() - 1 - i && !frontier.isEmpty()
                    && paths.size() < shortcutStates; d++) {
                List<S> next = new ArrayList<>();
                for (S u : frontier) {
                    List<A> pathToU = paths.get(model.fingerprint(u));
                    for (Trace.Step<S, A> step : model.successors(u)) {
                        long fp = model.fingerprint(step.state());
                        if (paths.containsKey(fp)) {
                            continue;
                        }
                        List<A> path = new ArrayList<>(pathToU);
                        path.add(step.action());
                        paths.put(fp, path);
                        next.add(step.state());
                        Integer j = lastAt.get(fp);
                        if (j != null && j - i - d > bestSaving) {
                            bestSaving = j - i - d;
                            bestJ = j;
                            bestPath = path;
                        }
                        if (states.size() - 1 - i - d > bestSaving && violatesAt(u, step.action(), step.state())) {
                            bestSaving = states.size() - 1 - i - d;
                            bestJ = states.size() - 1;
                            bestPath = path;
                            bestEndsHere = true;
                        }
                    }
                }
                frontier = next;
            }
            if (bestPath != null) {
                List<A> candidate = new ArrayList<>(actions.subList(0, i));
                candidate.addAll(bestPath);
                if (!bestEndsHere) {
                    candidate.addAll(actions.subList(bestJ, actions.size()));
                }
                Trace<S, A> t = test(initial, candidate);
                if (t != null && better(t, best)) {
                    return t;
                }
            }
        }
        return best;
    }

    /** Whether the step from {@code u} by {@code a} to {@code t} ends a violation, as far as the step tells. */
    private boolean violatesAt(S u, A a, S t) {
        try {
            switch (property.kind()) {
                case ALWAYS:
                    return !property.test(t);
                case TRANSITION:
                    return !property.test(u, a, t);
                case SOMETIMES:
                    return property.test(t);
                default:
                    return !property.test(t) && model.terminal(t);
            }
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Shorter, or as long with fewer faults. */
    private boolean better(Trace<S, A> t, Trace<S, A> than) {
        return t.length() < than.length() || t.length() == than.length() && faults(t) < faults(than);
    }

    private int faults(Trace<S, A> t) {
        int n = 0;
        for (A a : t.actions()) {
            if (hints.fault(a)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Replays {@code actions} from {@code initial}; the violating part of the path, or null (also when the model
     * throws on the way: such a candidate is not a path).
     */
    private Trace<S, A> test(S initial, List<A> actions) {
        tests++;
        try {
            return replay(initial, actions);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Trace<S, A> replay(S initial, List<A> actions) {
        List<Trace.Step<S, A>> steps = new ArrayList<>(actions.size() + 1);
        steps.add(new Trace.Step<>(null, initial));
        S s = initial;
        for (A a : actions) {
            if (!model.withinBoundary(s)) {
                return null;
            }
            scratch.clear();
            model.actions(s, scratch);
            S next = scratch.contains(a) ? model.nextState(s, a) : null;
            if (next == null) {
                List<Trace.Step<S, A>> enabled = model.successors(s);
                int k = hints.match(a, enabled);
                if (k < 0) {
                    return null;
                }
                a = enabled.get(k).action();
                next = enabled.get(k).state();
            }
            steps.add(new Trace.Step<>(a, next));
            s = next;
        }
        return Violation.find(model, property, new Trace<>(steps, -1), stuttering);
    }
}
