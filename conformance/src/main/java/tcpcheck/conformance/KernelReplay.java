package tcpcheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Network;
import tcpcheck.model.Opening;
import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.Replay;

/**
 * Replays a scenario, witness or counterexample file with the running kernel in the place of one endpoint, E: the
 * file's trajectory is the model's ({@link Replay}, which also checks that the file still replays on the model), and
 * the harness plays the rest of it, the other endpoint and the network, by the file: every segment the file delivers
 * to E is written to the kernel (its numbers mapped by {@link NumberMap}), every call of E's application is made on the
 * kernel's socket (connect, listen, write, shutdown for CLOSE; accept, which the model has not, when the model's E
 * reaches ESTABLISHED from LISTEN), a crash closes E's sockets abortively and drops what they send, and E's timers are
 * waited for in real time. At each of E's steps, what the kernel sends and its state ({@code ss}) are compared with
 * what the model's E sends and the state it goes to.
 *
 * <p>The kernel follows the file when it does exactly what the model does at every one of E's steps. Where it does
 * something else, the difference must be explained by {@code kernel-differences.json}, as the matrix's are; the replay
 * goes on while the kernel is in the model's state, and stops at the first step that leaves it in another.
 */
final class KernelReplay {
    /** How long after each of E's steps the harness reads further answers (a timer of 2 ms, a delayed ACK). */
    static final long STEP_MILLIS = 100;
    /** How long the harness waits for as many segments as the model's E sent. */
    static final long ANSWER_MILLIS = 2000;
    /** The longest wait for one of the kernel's retransmissions (a SYN after 1 s, with back-off 2 s, 4 s). */
    static final long RETRANSMISSION_MILLIS = 10_000;
    /** The longest wait for the kernel's TIME-WAIT to end (60 s in Linux). */
    static final long TIME_WAIT_MILLIS = 70_000;
    /**
     * Linux's TIME-WAIT (TCP_TIMEWAIT_LEN): a replay sleeps until a second before it ends, counted from the step that
     * began or restarted it, and then looks every 100 ms.
     */
    static final long LINUX_TIME_WAIT_MILLIS = 60_000;

    /** One run: a file, the endpoint the kernel plays, the value of net.ipv4.tcp_rfc1337 it runs with. */
    record Plan(ReplayFiles.ReplayFile file, int endpoint, int rfc1337) {
        String endpointName() {
            return endpoint == TcpModel.A ? "A" : "B";
        }
    }

    /**
     * One of E's steps.
     *
     * @param step the step's number in the file (1 for the first action)
     * @param explanation the entry of kernel-differences.json that explains a difference, or null
     * @param waited seconds waited for one of the kernel's timers (0 for a step that needs none)
     */
    record StepResult(int step, String action, KernelExplanations.Situation situation, String model, String kernel,
                      ConnectionState modelState, ConnectionState kernelState, boolean agrees, String explanation,
                      double waited) {
    }

    /** How a run ended. */
    enum Outcome {
        /** The kernel did exactly what the model does at every one of E's steps. */
        FOLLOWS("follows"),
        /** The kernel did something else at some steps, staying in the model's state. */
        DEPARTS("departs"),
        /** The kernel went to another state than the model's; the replay ends there. */
        STOPS("stops"),
        /** The file could not be replayed with the kernel in this place (the problem says why). */
        NOT_REPLAYED("not replayed");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /**
     * A run's outcome.
     *
     * @param role the kernel's role as the matrix names it: server (E rests in LISTEN) or client (in CLOSED)
     * @param steps the steps of the file
     * @param kernelSteps E's steps, as far as the replay went
     * @param problem why it was not replayed, or why the run failed (a call the kernel refused), else null
     */
    record Result(Plan plan, String role, int steps, List<StepResult> kernelSteps, Outcome outcome, String problem) {
        /** The steps whose difference no entry explains. */
        List<StepResult> unexplained() {
            return kernelSteps.stream().filter(s -> !s.agrees() && s.explanation() == null).toList();
        }

        /** The first step that differs, or null. */
        StepResult departure() {
            return kernelSteps.stream().filter(s -> !s.agrees()).findFirst().orElse(null);
        }

        /** Whether the run is sound: every difference explained and no call refused. */
        boolean explained() {
            return unexplained().isEmpty() && (problem == null || outcome == Outcome.NOT_REPLAYED);
        }

        double waited() {
            return kernelSteps.stream().mapToDouble(StepResult::waited).sum();
        }
    }

    /** The problem of a run in which the kernel's retransmission timer fired unasked: it is run again. */
    static final String TIMER = "the kernel's retransmission timer fired unasked (the machine is too loaded)";

    private KernelReplay() {
    }

    /** Why a file cannot be replayed against Linux at all, or null. */
    static String unreplayable(ReplayFiles.ReplayFile f) {
        Variant v = f.file().variant();
        if (v != Variant.RFC9293_RFC1337 && v != Variant.RFC9293_TEXT) {
            return "its variant " + v.id() + " is not one Linux implements (Linux is rfc9293-text with "
                    + "net.ipv4.tcp_rfc1337 = 0, rfc9293-rfc1337 with 1)";
        }
        Replay.Outcome o = Replay.replay(f.file());
        if (!o.reproduces()) {
            return "it no longer replays on the model: " + o.reason();
        }
        return null;
    }

    /** Whether the kernel acts in this step of the file, as endpoint {@code e}. */
    static boolean kernelActs(Action a, int e) {
        return a.endpoint() == e && switch (a.kind()) {
            case OPEN, WRITE, CLOSE, LISTEN, DELIVER, RETRANSMISSION_TIMEOUT, TIME_WAIT_TIMEOUT, CRASH -> true;
            default -> false;
        };
    }

    /**
     * Whether, on the file's trajectory, an RST reaches endpoint {@code e} in TIME-WAIT: the step where
     * net.ipv4.tcp_rfc1337 decides what the kernel does, so the file is replayed with both values.
     */
    static boolean rstInTimeWait(ReplayFiles.ReplayFile f, int e) {
        Replay.Outcome o = Replay.replay(f.file());
        List<Action> actions = o.trace().actions();
        List<TcpState> states = o.trace().states();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a.kind() == Action.Kind.DELIVER && a.endpoint() == e && a.segment().rst()
                    && states.get(i).state(e) == ConnectionState.TIME_WAIT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the run has a step at which the kernel's endpoint waits for its TIME-WAIT to end. */
    static boolean waitsForTimeWait(Plan p) {
        return p.file().file().actions().stream()
                .anyMatch(a -> a.kind() == Action.Kind.TIME_WAIT_TIMEOUT && a.endpoint() == p.endpoint());
    }

    /** The role the matrix would give endpoint {@code e} of a file: server when it rests in LISTEN, else client. */
    static String role(ReplayFiles.ReplayFile f, int e) {
        TcpModel m = new TcpModel(f.file().variant(), f.file().parameters());
        return m.role(e).opening().resting() == ConnectionState.LISTEN ? Role.SERVER.label : Role.CLIENT.label;
    }

    /**
     * Runs a plan on the kernel behind {@code h} (with net.ipv4.tcp_rfc1337 = {@code plan.rfc1337()} in its
     * namespace) on the port pair given; {@code peerBase} is the kernel's counterpart of the peer's number 0.
     * {@code waiting} is told when the run starts to wait for the kernel's TIME-WAIT, so that other work can use the
     * machine meanwhile.
     */
    static Result run(KernelHarness h, Plan plan, int kernelPort, int peerPort, long peerBase,
                      KernelExplanations explanations, Runnable waiting) throws InterruptedException {
        ReplayFiles.ReplayFile f = plan.file();
        int e = plan.endpoint();
        String role = role(f, e);
        int steps = f.file().actions().size();
        String why = unreplayable(f);
        if (why != null) {
            return new Result(plan, role, steps, List.of(), Outcome.NOT_REPLAYED, why);
        }
        Replay.Outcome trajectory = Replay.replay(f.file());
        List<Action> actions = trajectory.trace().actions();
        List<TcpState> states = trajectory.trace().states();
        TcpModel model = new TcpModel(f.file().variant(), f.file().parameters());
        Opening opening = model.role(e).opening();
        NumberMap map = new NumberMap(f.file().parameters().seqSpace(), peerBase);
        List<StepResult> out = new ArrayList<>();
        Outcome outcome = Outcome.FOLLOWS;
        long timeWaitSince = -1;
        try (KernelSubject kernel = new KernelSubject(h, kernelPort, peerPort)) {
            if (opening.resting() == ConnectionState.LISTEN) {
                kernel.call(Step.Call.LISTEN, 0, 0);
            }
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                if (!kernelActs(a, e)) {
                    continue;
                }
                TcpState s = states.get(i);
                TcpState t = states.get(i + 1);
                if (a.kind() == Action.Kind.TIME_WAIT_TIMEOUT) {
                    waiting.run();
                }
                StepResult r = step(h, kernel, map, plan, role, i + 1, a, s, t, explanations, timeWaitSince);
                out.add(r);
                if (r.kernelState() == ConnectionState.TIME_WAIT && (r.situation().state() != ConnectionState.TIME_WAIT
                        || a.kind() == Action.Kind.DELIVER && !a.segment().rst())) {
                    // Linux's TIME-WAIT began, or may have begun again (a segment other than an RST restarts it).
                    timeWaitSince = System.nanoTime();
                }
                if (kernel.timerFired()
                        || (!r.agrees() && r.explanation() == null && synCount(r.kernel()) > synCount(r.model()))) {
                    // The kernel repeated its SYN or SYN-ACK unasked and unexplained: its retransmission timer ran
                    // out while a loaded machine kept the replay waiting, or a timer of its own came late and its
                    // segment fell into a later step (the run is made again).
                    return new Result(plan, role, steps, out, Outcome.STOPS, TIMER);
                }
                if (!r.agrees()) {
                    outcome = Outcome.DEPARTS;
                }
                if (r.kernelState() != r.modelState()) {
                    return new Result(plan, role, steps, out, Outcome.STOPS, null);
                }
                if (!s.host(e).app().attached() && t.host(e).app().attached() && a.kind() != Action.Kind.OPEN) {
                    // The model's application takes a connection that came from LISTEN once it is established; the
                    // kernel's application accepts it (no segment, no change of state).
                    kernel.call(Step.Call.ACCEPT, 0, 0);
                }
            }
        } catch (IOException x) {
            return new Result(plan, role, steps, out, Outcome.STOPS, "the kernel refused a call: " + x.getMessage());
        }
        return new Result(plan, role, steps, out, outcome, null);
    }

    private static StepResult step(KernelHarness h, KernelSubject kernel, NumberMap map, Plan plan, String role,
                                   int number, Action a, TcpState s, TcpState t, KernelExplanations explanations,
                                   long timeWaitSince) throws IOException, InterruptedException {
        int e = plan.endpoint();
        Tcb before = s.tcb(e);
        Tcb after = t.tcb(e);
        List<Segment> modelSent = sent(s, t, 1 - e);
        int expected = modelSent.size();
        Segment probe = a.kind() == Action.Kind.DELIVER ? a.segment() : null;
        List<Seg> got = new ArrayList<>();
        long start = System.nanoTime();
        double waited = 0;
        switch (a.kind()) {
            case DELIVER -> {
                Seg k = map.toKernel(before, probe);
                map.arrived(before, after, probe, k);
                kernel.send(k);
                got.addAll(kernel.collect(expected, ANSWER_MILLIS));
            }
            case OPEN -> got.addAll(kernel.call(Step.Call.CONNECT, expected, ANSWER_MILLIS));
            case WRITE -> got.addAll(kernel.call(Step.Call.WRITE, expected, ANSWER_MILLIS));
            case CLOSE -> got.addAll(kernel.call(Step.Call.CLOSE, expected, ANSWER_MILLIS));
            case LISTEN -> got.addAll(kernel.call(Step.Call.LISTEN, expected, ANSWER_MILLIS));
            case CRASH -> kernel.crash();
            case RETRANSMISSION_TIMEOUT -> {
                kernel.expectRetransmission(true);
                got.addAll(waitFor(h, kernel, expected, t.state(e), RETRANSMISSION_MILLIS, 250));
                waited = (System.nanoTime() - start) / 1e9;
            }
            case TIME_WAIT_TIMEOUT -> {
                if (timeWaitSince >= 0) {
                    long sleep = (timeWaitSince - System.nanoTime()) / 1_000_000L + LINUX_TIME_WAIT_MILLIS - 1000;
                    got.addAll(kernel.collect(Integer.MAX_VALUE, Math.max(0, sleep)));
                }
                got.addAll(waitFor(h, kernel, expected, t.state(e),
                        TIME_WAIT_MILLIS - (System.nanoTime() - start) / 1_000_000L, 100));
                waited = (System.nanoTime() - start) / 1e9;
            }
            default -> throw new IllegalArgumentException("not a step of the kernel's endpoint: " + a);
        }
        Thread.sleep(STEP_MILLIS);
        h.drain();
        got.addAll(kernel.drained());
        kernel.expectRetransmission(false);
        if (a.kind() == Action.Kind.CRASH) {
            // A crashed host sends nothing: what the abortive close sent is dropped by the harness, the network.
            got.clear();
        }
        ConnectionState ks = kernel.state(h.sockets(System.nanoTime()));
        List<Segment> kernelSent = new ArrayList<>();
        for (Seg g : got) {
            kernelSent.add(map.toModel(before, after, g));
        }
        boolean agrees = ks == t.state(e) && sorted(kernelSent).equals(sorted(modelSent));
        String model = CellResult.outcome(names(map, before, probe, modelSent), t.state(e));
        String kernelOutcome = CellResult.outcome(names(map, before, probe, kernelSent), ks);
        KernelExplanations.Situation where = new KernelExplanations.Situation(role, before.state(),
                probe != null ? NumberMap.kind(probe) : a.kind().name(),
                probe != null ? map.seqClass(before, probe) : "", probe != null ? map.ackClass(before, probe) : "",
                plan.file().file().variant().id(), plan.rfc1337());
        String explanation = null;
        if (!agrees) {
            KernelExplanations.Entry x = explanations.explain(where, model, kernelOutcome);
            explanation = x == null ? null : x.id();
        }
        return new StepResult(number, describe(a), where, model, kernelOutcome, t.state(e), ks, agrees, explanation,
                waited);
    }

    /** The SYN-bearing segments in an outcome's text. */
    private static int synCount(String outcome) {
        return outcome.split("CTL=SYN", -1).length - 1;
    }

    /**
     * Waits for one of the kernel's timers: until it has sent {@code expected} segments and is in {@code state} (the
     * model's after the timer), or {@code limit} milliseconds have passed, looking every {@code poll} milliseconds.
     * What it sent meanwhile.
     */
    private static List<Seg> waitFor(KernelHarness h, KernelSubject kernel, int expected, ConnectionState state,
                                     long limit, long poll) throws IOException, InterruptedException {
        List<Seg> got = new ArrayList<>();
        long until = System.nanoTime() + limit * 1_000_000L;
        while (System.nanoTime() < until) {
            got.addAll(kernel.collect(Math.max(1, expected - got.size()), poll));
            if (got.size() >= expected && kernel.state(h.sockets(System.nanoTime())) == state) {
                break;
            }
        }
        return got;
    }

    /** The segments a step added toward endpoint {@code to}: what the other endpoint sent, as the model has it. */
    static List<Segment> sent(TcpState before, TcpState after, int to) {
        List<Integer> was = new ArrayList<>();
        for (int p : before.network().toward(to)) {
            was.add(p);
        }
        List<Segment> out = new ArrayList<>();
        for (int p : after.network().toward(to)) {
            if (!was.remove((Integer) p)) {
                out.add(Network.segment(p));
            }
        }
        return out;
    }

    private static List<Segment> sorted(List<Segment> segments) {
        List<Segment> out = new ArrayList<>(segments);
        out.sort(Comparator.comparing(Segment::toString));
        return out;
    }

    private static String names(NumberMap map, Tcb before, Segment probe, List<Segment> segments) {
        if (segments.isEmpty()) {
            return Exchange.NOTHING;
        }
        StringBuilder b = new StringBuilder();
        for (Segment g : segments) {
            b.append(b.length() == 0 ? "" : " ").append(map.name(before, probe, g));
        }
        return b.toString();
    }

    /** A step as the report names it: "DELIVER <SEQ=3><CTL=RST> to A", "TIME_WAIT_TIMEOUT of A". */
    static String describe(Action a) {
        String who = a.endpoint() == TcpModel.A ? "A" : "B";
        if (a.kind() == Action.Kind.DELIVER) {
            return "DELIVER " + a.segment() + " to " + who;
        }
        return a.kind() + " of " + who;
    }
}
