package tcpcheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import tcpcheck.model.Variant;

/**
 * {@code tcpcheck conform linux}: the segment-arrives matrix and the stories against the running Linux kernel, in a
 * namespace of their own that is removed at the end (also when something fails).
 *
 * <p>Order of a run: the matrix with the namespace's default {@code net.ipv4.tcp_rfc1337} (0, unless the kernel was
 * built otherwise), the stories that need that value; then {@code tcp_rfc1337 = 1}, the cells where the variants
 * rfc9293-rfc1337 and rfc9293-text differ once more, and the stories that need 1.
 */
public final class LinuxConformance {
    /** Cells run at once: each waits at most a tenth of a second for its answer. */
    static final int WAVE = 64;

    private LinuxConformance() {
    }

    /**
     * What to run.
     *
     * @param roles the roles of the kernel's endpoint (server, client)
     * @param variant the model's variant the kernel is compared with; the alternative is the other of
     *        rfc9293-rfc1337 and rfc9293-text
     * @param stories whether to replay the stories
     */
    public record Options(List<Role> roles, Variant variant, boolean stories) {
        public static Options defaults() {
            return new Options(List.of(Role.SERVER, Role.CLIENT), Variant.RFC9293_RFC1337, true);
        }

        public Options {
            roles = List.copyOf(roles);
        }

        public Variant alternative() {
            return variant == Variant.RFC9293_TEXT ? Variant.RFC9293_RFC1337 : Variant.RFC9293_TEXT;
        }

        boolean full() {
            return roles.size() == Role.values().length && variant == Variant.RFC9293_RFC1337;
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
        KernelHarness h;
        try {
            h = KernelHarness.start(WAVE);
        } catch (NetworkNamespace.UnavailableException e) {
            throw new UnavailableException(e.getMessage());
        }
        try (h) {
            String rfc1337Default = h.namespace().sysctl("net.ipv4.tcp_rfc1337");
            List<Matrix.Cell> cells = Matrix.cells(o.roles());
            KernelMatrix matrix = new KernelMatrix(h, o.variant(), o.alternative(), WAVE);
            List<CellResult> results = matrix.run(cells, 0);
            List<Stories.Story> stories = o.stories() ? Stories.all() : List.of();
            List<StoryRun.Result> told = new ArrayList<>(runStories(h, stories, Integer.parseInt(rfc1337Default),
                    explanations));
            List<Matrix.Cell> differing = new ArrayList<>();
            for (CellResult r : results) {
                if (r.variantsDiffer()) {
                    differing.add(r.cell());
                }
            }
            int other = rfc1337Default.equals("0") ? 1 : 0;
            h.namespace().sysctl("net.ipv4.tcp_rfc1337", String.valueOf(other));
            List<CellResult> rerun = matrix.run(differing, cells.size());
            told.addAll(runStories(h, stories, other, explanations));
            return LinuxReport.of(System.getProperty("os.version"), h.namespace().name(), rfc1337Default, o,
                    results, rerun, other, order(stories, told), explanations, matrix.retried(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static List<StoryRun.Result> runStories(KernelHarness h, List<Stories.Story> stories, int rfc1337,
                                                    KernelExplanations ex) throws IOException, InterruptedException {
        List<Future<StoryRun.Result>> fs = new ArrayList<>();
        int n = 0;
        for (Stories.Story s : stories) {
            n++;
            if (s.rfc1337() != rfc1337) {
                continue;
            }
            int kernelPort = 50000 + n + 1000 * rfc1337;
            int peerPort = s.role() == Role.SERVER ? 55000 + n + 1000 * rfc1337 : 80;
            fs.add(h.inside().submit(() -> {
                StoryRun.Result r = null;
                for (int attempt = 0; attempt < KernelMatrix.ATTEMPTS; attempt++) {
                    r = StoryRun.run(h, s, kernelPort + attempt * 100, peerPort == 80 ? 80 : peerPort + attempt * 100,
                            ex);
                    if (!StoryRun.TIMER.equals(r.problem())) {
                        break;
                    }
                }
                return r;
            }));
        }
        List<StoryRun.Result> out = new ArrayList<>();
        for (Future<StoryRun.Result> f : fs) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IOException("a story failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    private static List<StoryRun.Result> order(List<Stories.Story> stories, List<StoryRun.Result> told) {
        Map<String, StoryRun.Result> byId = new LinkedHashMap<>();
        for (StoryRun.Result r : told) {
            byId.put(r.story().id(), r);
        }
        List<StoryRun.Result> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Stories.Story s : stories) {
            if (byId.containsKey(s.id()) && seen.add(s.id())) {
                out.add(byId.get(s.id()));
            }
        }
        return out;
    }
}
