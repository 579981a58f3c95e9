package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.DelegatingModel;
import tcpcheck.checker.Limits;
import tcpcheck.checker.Progress;
import tcpcheck.checker.Property;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.Witnesses;

/**
 * Find: from a step of a path, the checker's breadth-first search for the shortest continuation that violates a
 * property (its parts that decide the verdict) or reaches a witness. Each search runs on a thread of its own and
 * reports its progress; starting one cancels the one before.
 */
final class Search {
    /** The longest a search may run. */
    static final long MAX_SECONDS = 120;

    /** How many of the latest searches stay readable (a page may poll one it has just replaced). */
    private static final int KEPT = 8;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();

    /** What a page polls: {@code status} is running, found, none, incomplete, cancelled or failed. */
    record JobView(int id, String target, String status, long transitions, long states, int depth, double seconds,
                   String message, String query, Integer length) {
    }

    /** The targets a search can look for: every property's name, and every witness as "witness: NAME". */
    static List<String> targets() {
        List<String> out = new ArrayList<>(TcpProperties.NAMES);
        for (Property<TcpState, Action> w : Witnesses.all(new TcpModel(tcpcheck.model.Variant.RFC9293_RFC1337,
                tcpcheck.model.Parameters.defaults()))) {
            out.add(WITNESS + w.name());
        }
        return out;
    }

    static final String WITNESS = "witness: ";

    /** Starts a search from step {@code at}; a path found is labelled a counterexample of the property sought. */
    synchronized JobView start(Walk walk, int at, String target) {
        Walk from = walk.prefix(at);
        List<Property<TcpState, Action>> parts = parts(from.model(), target);
        jobs.values().forEach(Job::cancel);
        jobs.keySet().removeIf(id -> id <= ids.get() - KEPT);
        Job job = new Job(ids.incrementAndGet(), from, target, parts,
                target.startsWith(WITNESS) ? null : target);
        jobs.put(job.id, job);
        Thread th = new Thread(job::run, "tcpcheck-explore-find-" + job.id);
        th.setDaemon(true);
        th.start();
        return job.view();
    }

    JobView status(int id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw new BadRequest("no search numbered " + id + " (only the latest searches are kept)");
        }
        return j.view();
    }

    JobView cancel(int id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw new BadRequest("no search numbered " + id);
        }
        j.cancel();
        return j.view();
    }

    void cancelAll() {
        jobs.values().forEach(Job::cancel);
    }

    private static List<Property<TcpState, Action>> parts(TcpModel m, String target) {
        if (target == null || target.isEmpty()) {
            throw new BadRequest("find needs a target: a property or a witness");
        }
        if (target.startsWith(WITNESS)) {
            String name = target.substring(WITNESS.length());
            for (Property<TcpState, Action> w : Witnesses.all(m)) {
                if (w.name().equals(name)) {
                    return List.of(w);
                }
            }
            throw new BadRequest("unknown witness '" + name + "'");
        }
        try {
            return TcpProperties.named(target, m).verdict();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static final class Job {
        final int id;
        final Walk from;
        final String target;
        final List<Property<TcpState, Action>> parts;
        final String counterexampleOf;
        final long start = System.nanoTime();
        final AtomicLong transitions = new AtomicLong();
        volatile boolean cancelled;
        volatile Progress progress;
        volatile String status = "running";
        volatile String message = "searching breadth-first from step";
        volatile String query;
        volatile Integer length;
        volatile double seconds;

        Job(int id, Walk from, String target, List<Property<TcpState, Action>> parts, String counterexampleOf) {
            this.id = id;
            this.from = from;
            this.target = target;
            this.parts = parts;
            this.counterexampleOf = counterexampleOf;
            this.message = "searching breadth-first from step " + from.length();
        }

        void cancel() {
            cancelled = true;
        }

        JobView view() {
            Progress p = progress;
            double s = status.equals("running") ? (System.nanoTime() - start) / 1e9 : seconds;
            return new JobView(id, target, cancelled && status.equals("running") ? "cancelling" : status,
                    transitions.get(), p == null ? 0 : p.states(), p == null ? 0 : p.depth(), s, message, query,
                    length);
        }

        void run() {
            try {
                FromState model = new FromState(from.model(), from.trace().last(), this);
                CheckResult<TcpState, Action> r = Checker.of(model).properties(parts).threads(2)
                        .stopAtFirstFinding(true).progress(p -> progress = p)
                        .limits(Limits.none().withMaxNanos(MAX_SECONDS * 1_000_000_000L)).run();
                finish(r);
            } catch (CancellationException e) {
                finish("cancelled", "cancelled after " + transitions.get() + " transitions");
            } catch (RuntimeException | OutOfMemoryError e) {
                if (cancelled) {
                    finish("cancelled", "cancelled after " + transitions.get() + " transitions");
                } else {
                    finish("failed", "the search failed: " + e);
                }
            }
        }

        private void finish(CheckResult<TcpState, Action> r) {
            if (cancelled) {
                finish("cancelled", "cancelled after " + transitions.get() + " transitions");
                return;
            }
            PropertyResult<TcpState, Action> best = r.results().stream()
                    .filter(x -> x.verdict() == Verdict.VIOLATED)
                    .min(Comparator.comparingInt(PropertyResult::traceLength)).orElse(null);
            String what = target.startsWith(WITNESS) ? "the witness" : target;
            long states = r.statistics().states();
            if (best != null) {
                Trace<TcpState, Action> found = best.trace();
                Walk w = from.extended(found.actions());
                query = w.query(w.length(), counterexampleOf);
                length = found.length();
                finish("found", (target.startsWith(WITNESS) ? "witness reached" : "'" + best.property().name()
                        + "' violated") + " " + found.length() + " steps after step " + from.length()
                        + (found.isLasso() ? " (a cycle from step " + (from.length() + found.loopStart()) + ")" : "")
                        + "; " + String.format(java.util.Locale.ROOT, "%,d", states) + " states searched");
            } else if (r.incompleteReason() != null) {
                finish("incomplete", "nothing found before the search stopped: " + r.incompleteReason());
            } else {
                finish("none", "no path from step " + from.length() + " " + (target.startsWith(WITNESS)
                        ? "reaches " + what : "violates " + what) + " within these bounds ("
                        + String.format(java.util.Locale.ROOT, "%,d", states) + " states)");
            }
        }

        private void finish(String s, String m) {
            seconds = (System.nanoTime() - start) / 1e9;
            message = m;
            status = s;
        }
    }

    /** The model, started from one state; cancelling the job stops the search at its next step. */
    private static final class FromState extends DelegatingModel<TcpState, Action> {
        private final TcpState start;
        private final Job job;

        FromState(TcpModel model, TcpState start, Job job) {
            super(model);
            this.start = start;
            this.job = job;
        }

        @Override
        public List<TcpState> initialStates() {
            return List.of(start);
        }

        @Override
        public TcpState nextState(TcpState state, Action action) {
            if (job.cancelled) {
                throw new CancellationException();
            }
            job.transitions.incrementAndGet();
            return base.nextState(state, action);
        }
    }
}
