package tcpcheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;

/**
 * {@code tcpcheck conform linux}: the segment-arrives matrix and the replays of scenario and witness files against
 * the running Linux kernel, in namespaces of their own that are removed at the end (also when something fails).
 *
 * <p>Two namespaces: one with the kernel's default {@code net.ipv4.tcp_rfc1337} (0, unless the kernel was built
 * otherwise), where the matrix runs and every file is replayed, and one with the other value, where the cells in which
 * the variants rfc9293-rfc1337 and rfc9293-text differ run again and the files in which an RST reaches the kernel's
 * endpoint in TIME-WAIT are replayed once more. The replays start first, on threads of their own; the matrix starts
 * once each of them has ended or is waiting for the kernel's TIME-WAIT (60 s), so that the two do not slow each other
 * down (a replay that lingers in a handshake for a second meets the kernel's retransmission timer).
 */
public final class LinuxConformance {
    /** Cells run at once: each waits at most a tenth of a second for its answer. */
    static final int WAVE = 64;
    /** The first kernel port of the replays (the matrix's are below 26000), and of the peer's. */
    static final int REPLAY_PORTS = 30000;
    static final int REPLAY_PEER_PORTS = 36000;
    /** The longest the matrix waits for the replays to end or to wait for TIME-WAIT. */
    static final long QUIET_SECONDS = 120;

    private LinuxConformance() {
    }

    /**
     * What to run.
     *
     * @param roles the roles of the kernel's endpoint (server, client): in the matrix, and in the replays the
     *        endpoints that play them (server: one that rests in LISTEN)
     * @param variant the model's variant the kernel is compared with in the matrix; the alternative is the other of
     *        rfc9293-rfc1337 and rfc9293-text. A replayed file names its own variant.
     * @param files the files to replay: null for the shipped ones ({@link ReplayFiles#shipped}), empty for none
     */
    public record Options(List<Role> roles, Variant variant, List<ReplayFiles.ReplayFile> files) {
        public static Options defaults() {
            return new Options(List.of(Role.SERVER, Role.CLIENT), Variant.RFC9293_RFC1337, null);
        }

        public Options {
            roles = List.copyOf(roles);
            files = files == null ? null : List.copyOf(files);
        }

        public Variant alternative() {
            return variant == Variant.RFC9293_TEXT ? Variant.RFC9293_RFC1337 : Variant.RFC9293_TEXT;
        }

        /** The whole matrix against the standard variant and the shipped files: stale explanations are judged. */
        boolean full() {
            return roles.size() == Role.values().length && variant == Variant.RFC9293_RFC1337 && files == null;
        }
    }

    /** Why the harness cannot run on this machine, in one line (no root, no namespaces, no TUN). */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    /** Runs everything the options ask for. */
    public static LinuxReport run(Options o) throws UnavailableException, IOException, InterruptedException {
        long start = System.nanoTime();
        KernelExplanations explanations = KernelExplanations.load();
        List<ReplayFiles.ReplayFile> files = o.files() == null ? ReplayFiles.shipped() : o.files();
        try (KernelHarness h = harness(); KernelHarness other = harness()) {
            int rfc1337Default = Integer.parseInt(h.namespace().sysctl("net.ipv4.tcp_rfc1337"));
            int rfc1337Other = 1 - rfc1337Default;
            other.namespace().sysctl("net.ipv4.tcp_rfc1337", String.valueOf(rfc1337Other));
            for (KernelHarness k : List.of(h, other)) {
                // The kernel gives up where the model does: after R retransmissions of its SYN or SYN-ACK.
                String r = String.valueOf(Parameters.defaults().retries());
                k.namespace().sysctl("net.ipv4.tcp_syn_retries", r);
                k.namespace().sysctl("net.ipv4.tcp_synack_retries", r);
            }
            List<KernelReplay.Plan> plans = plans(files, o.roles(), rfc1337Default, rfc1337Other);
            CountDownLatch quiet = new CountDownLatch(plans.size());
            List<Future<KernelReplay.Result>> replays = startReplays(plans, h, other, rfc1337Default, explanations,
                    quiet);
            quiet.await(QUIET_SECONDS, TimeUnit.SECONDS);
            List<Matrix.Cell> cells = Matrix.cells(o.roles());
            KernelMatrix matrix = new KernelMatrix(h, o.variant(), o.alternative(), WAVE);
            List<CellResult> results = matrix.run(cells, 0);
            List<Matrix.Cell> differing = new ArrayList<>();
            for (CellResult r : results) {
                if (r.variantsDiffer()) {
                    differing.add(r.cell());
                }
            }
            KernelMatrix again = new KernelMatrix(other, o.variant(), o.alternative(), WAVE);
            List<CellResult> rerun = again.run(differing, 0);
            List<KernelReplay.Result> replayed = new ArrayList<>();
            for (Future<KernelReplay.Result> f : replays) {
                try {
                    replayed.add(f.get());
                } catch (ExecutionException e) {
                    throw new IOException("a replay failed: " + e.getCause(), e.getCause());
                }
            }
            return LinuxReport.of(System.getProperty("os.version"), h.namespace().name(), rfc1337Default, o,
                    results, rerun, rfc1337Other, replayed, explanations, matrix.retried() + again.retried(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static KernelHarness harness() throws UnavailableException {
        try {
            return KernelHarness.start(WAVE);
        } catch (NetworkNamespace.UnavailableException e) {
            throw new UnavailableException(e.getMessage());
        }
    }

    /**
     * The runs: every file with the kernel as each endpoint whose role is asked for, with the default value of
     * tcp_rfc1337; once more with the other value where an RST reaches that endpoint in TIME-WAIT.
     */
    static List<KernelReplay.Plan> plans(List<ReplayFiles.ReplayFile> files, List<Role> roles, int rfc1337Default,
                                         int rfc1337Other) {
        List<KernelReplay.Plan> out = new ArrayList<>();
        for (ReplayFiles.ReplayFile f : files) {
            boolean replayable = KernelReplay.unreplayable(f) == null;
            for (int e = TcpModel.A; e <= TcpModel.B; e++) {
                if (!roles.contains(Role.named(KernelReplay.role(f, e)))) {
                    continue;
                }
                out.add(new KernelReplay.Plan(f, e, rfc1337Default));
                if (replayable && KernelReplay.rstInTimeWait(f, e)) {
                    out.add(new KernelReplay.Plan(f, e, rfc1337Other));
                }
            }
        }
        return out;
    }

    /**
     * Starts every run on namespace threads of its own (a run in which the kernel's retransmission timer fired unasked,
     * on a machine too loaded to keep up, is run again on fresh ports, at most {@link KernelMatrix#ATTEMPTS} times).
     * The runs that wait for the kernel's TIME-WAIT go first, alone, so that their wait, which the whole command waits
     * for, begins as soon as it can; the others start once those wait (or have ended).
     */
    private static List<Future<KernelReplay.Result>> startReplays(List<KernelReplay.Plan> plans, KernelHarness h,
                                                                  KernelHarness other, int rfc1337Default,
                                                                  KernelExplanations ex, CountDownLatch quiet) {
        List<Future<KernelReplay.Result>> out = new ArrayList<>();
        if (plans.isEmpty()) {
            return out;
        }
        ExecutorService onDefault = h.pool(plans.size(), "tcpcheck-replay");
        ExecutorService onOther = other.pool(plans.size(), "tcpcheck-replay");
        CountDownLatch first = new CountDownLatch((int) plans.stream().filter(KernelReplay::waitsForTimeWait).count());
        for (int n = 0; n < plans.size(); n++) {
            KernelReplay.Plan p = plans.get(n);
            boolean def = p.rfc1337() == rfc1337Default;
            boolean timed = KernelReplay.waitsForTimeWait(p);
            KernelHarness where = def ? h : other;
            int index = n;
            AtomicBoolean told = new AtomicBoolean();
            Runnable waiting = () -> {
                if (told.compareAndSet(false, true)) {
                    quiet.countDown();
                    if (timed) {
                        first.countDown();
                    }
                }
            };
            out.add((def ? onDefault : onOther).submit(() -> {
                KernelReplay.Result r = null;
                try {
                    if (!timed) {
                        first.await(QUIET_SECONDS, TimeUnit.SECONDS);
                    }
                    for (int attempt = 0; attempt < KernelMatrix.ATTEMPTS; attempt++) {
                        int slot = index * KernelMatrix.ATTEMPTS + attempt;
                        r = KernelReplay.run(where, p, REPLAY_PORTS + slot, REPLAY_PEER_PORTS + slot,
                                (0x200L + slot) << 20, ex, waiting);
                        if (!KernelReplay.TIMER.equals(r.problem())) {
                            break;
                        }
                    }
                } finally {
                    waiting.run();
                }
                return r;
            }));
        }
        return out;
    }
}
