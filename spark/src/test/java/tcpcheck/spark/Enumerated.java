package tcpcheck.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.DelegatingModel;
import tcpcheck.checker.Model;
import tcpcheck.checker.StatePacking;

/**
 * A test model given a packing (the Spark engine ships packed states): every reachable state is numbered by a
 * breadth-first search when the model is built, which every machine does alike, and a state packs into its number.
 * Everything else is the wrapped model's (its constraints too). A step on which the wrapped model throws is left
 * out of the numbering: the search meets that throw itself.
 */
final class Enumerated<S, A> extends DelegatingModel<S, A> {
    private final List<S> states = new ArrayList<>();
    private final Map<Long, Integer> index = new HashMap<>();

    Enumerated(Model<S, A> model) {
        super(model);
        ArrayDeque<S> queue = new ArrayDeque<>();
        for (S s : model.initialStates()) {
            add(s, queue);
        }
        while (!queue.isEmpty()) {
            S s = queue.poll();
            if (model.withinBoundary(s)) {
                List<A> actions = new ArrayList<>();
                model.actions(s, actions);
                for (A a : actions) {
                    S t;
                    try {
                        t = model.nextState(s, a);
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (t != null) {
                        add(t, queue);
                    }
                }
            }
        }
    }

    private void add(S s, ArrayDeque<S> queue) {
        if (index.putIfAbsent(base.fingerprint(s), states.size()) == null) {
            states.add(s);
            queue.add(s);
        }
    }

    @Override
    public StatePacking<S> packing() {
        return new StatePacking<>() {
            @Override
            public int words() {
                return 1;
            }

            @Override
            public void pack(S state, long[] to, int at) {
                to[at] = index.get(base.fingerprint(state));
            }

            @Override
            public S unpack(long[] from, int at) {
                return states.get((int) from[at]);
            }
        };
    }
}
