package tcpcheck.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;
import tcpcheck.checker.FingerprintTable;
import tcpcheck.checker.Model;
import tcpcheck.checker.ModelSource;
import tcpcheck.checker.Property;
import tcpcheck.checker.StatePacking;
import tcpcheck.checker.Thrown;

/**
 * The first stage of a level, on each partition of the frontier: every state's successors, keyed by fingerprint
 * for the partition that owns them, with the transition and terminal properties judged on the way, as the
 * single-machine search does: a step that the constraints do not follow ({@link Model#followed}) is checked against
 * the state properties where it is generated and not sent on; a deadlock is a state with no enabled action before
 * the constraints; a predicate that throws is an ERROR finding of its property; the model throwing on a state is a
 * finding of the model there (the state keeps no successor). At the end of the partition come its best finding per
 * property (and the model's) and its count of transitions ({@link Records}).
 */
final class Expansion<S, A> implements PairFlatMapFunction<Iterator<long[]>, Long, long[]> {
    private static final long serialVersionUID = 1L;
    private final ModelSource<S, A> source;
    private final int depth;

    /** @param depth the level of the states expanded */
    Expansion(ModelSource<S, A> source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    @Override
    public Iterator<Tuple2<Long, long[]>> call(Iterator<long[]> states) {
        Model<S, A> model = source.model();
        List<Property<S, A>> properties = source.properties(model);
        return new Successors<>(model, properties, states, depth);
    }

    /** The successors of one state after another, then the partition's findings and count. */
    private static final class Successors<S, A> implements Iterator<Tuple2<Long, long[]>> {
        private final Model<S, A> model;
        private final List<Property<S, A>> properties;
        private final Iterator<long[]> states;
        private final int depth;
        private final StatePacking<S> packing;
        private final int words;
        private final ArrayDeque<Tuple2<Long, long[]>> pending = new ArrayDeque<>();
        private final List<A> actions = new ArrayList<>();
        private final long[][] best;
        private final boolean packOnce;
        /** The successors of the state being expanded, sent on once it is expanded without throwing. */
        private final List<Tuple2<Long, long[]>> successors = new ArrayList<>();
        private long transitions;
        private boolean ended;

        Successors(Model<S, A> model, List<Property<S, A>> properties, Iterator<long[]> states, int depth) {
            this.model = model;
            this.properties = properties;
            this.states = states;
            this.depth = depth;
            this.packing = model.packing();
            this.words = packing.words();
            this.best = new long[properties.size() + 1][];
            this.packOnce = packing.fingerprintsWords();
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty()) {
                if (states.hasNext()) {
                    expand(states.next());
                } else if (!ended) {
                    ended = true;
                    for (int i = 0; i < best.length; i++) {
                        if (best[i] != null) {
                            pending.add(new Tuple2<>(Records.FINDING, best[i]));
                        }
                    }
                    pending.add(new Tuple2<>(Records.TRANSITIONS, new long[] {transitions}));
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Tuple2<Long, long[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.poll();
        }

        private void expand(long[] record) {
            long fp = record[0];
            successors.clear();
            try {
                S s = packing.unpack(record, Records.HEADER);
                actions.clear();
                model.actions(s, actions);
                boolean enabled = false;
                for (int ai = 0; ai < actions.size(); ai++) {
                    A a = actions.get(ai);
                    S t = model.nextState(s, a);
                    if (t == null) {
                        continue;
                    }
                    enabled = true;
                    transitions++;
                    for (int i = 0; i < properties.size(); i++) {
                        Property<S, A> p = properties.get(i);
                        if (p.kind() == Property.Kind.TRANSITION) {
                            try {
                                if (!p.test(s, a, t)) {
                                    offer(i, depth + 1, fp, ai, false);
                                }
                            } catch (Throwable e) {
                                Thrown.rethrowUnlessReportable(e);
                                offer(i, depth + 1, fp, ai, true);
                            }
                        }
                    }
                    if (!model.followed(s, a, t)) {
                        // Outside a constraint: checked where generated, as TLC does, and not sent on.
                        checkState(t, fp, ai);
                        continue;
                    }
                    long[] out = new long[Records.HEADER + words];
                    // One call packs and fingerprints when the model's fingerprint is that of its words.
                    long ft = FingerprintTable.normalize(packOnce ? packing.packAndFingerprint(t, out, Records.HEADER)
                            : model.fingerprint(t));
                    if (!packOnce) {
                        packing.pack(t, out, Records.HEADER);
                    }
                    out[0] = ft;
                    out[1] = fp;
                    successors.add(new Tuple2<>(ft, out));
                }
                if (!enabled) {
                    for (int i = 0; i < properties.size(); i++) {
                        Property<S, A> p = properties.get(i);
                        if (p.kind() == Property.Kind.TERMINAL) {
                            try {
                                if (!p.test(s)) {
                                    offer(i, depth, fp, -1, false);
                                }
                            } catch (Throwable e) {
                                Thrown.rethrowUnlessReportable(e);
                                offer(i, depth, fp, -1, true);
                            }
                        }
                    }
                }
                pending.addAll(successors);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                offer(properties.size(), depth, fp, -1, true);
            }
            successors.clear();
        }

        /** The state properties on a successor outside the constraints, keyed by the step that generated it. */
        private void checkState(S t, long fp, int action) {
            for (int i = 0; i < properties.size(); i++) {
                Property<S, A> p = properties.get(i);
                if (!p.onEachState()) {
                    continue;
                }
                try {
                    if (p.foundIn(t)) {
                        offer(i, depth + 1, fp, action, false);
                    }
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    offer(i, depth + 1, fp, action, true);
                }
            }
        }

        private void offer(int property, int d, long fp, int action, boolean error) {
            Findings.offer(best, Findings.of(property, d, fp, action, error));
        }
    }
}
