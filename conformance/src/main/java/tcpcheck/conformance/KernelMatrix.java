package tcpcheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Variant;

/**
 * Runs cells of the {@link Matrix} against the model (two variants) and the kernel side by side. Cells run in waves on
 * the harness's namespace threads: every cell of a wave is set up, {@code ss} is read once to check that each reached
 * its state, the probes are sent, and after the answer window {@code ss} is read once more for the states the probes
 * left. The kernel answers a segment within microseconds; the window (100 ms) is far below every timer of the kernel
 * (a SYN-ACK is retransmitted after 1 s, and the harness's route keeps other retransmissions 3 s away).
 */
final class KernelMatrix {
    /** How long the harness waits for the kernel's answer to a setup step that the model answers. */
    static final long SETUP_MILLIS = 1000;
    /** How long the harness listens for the kernel's answer to a probe. */
    static final long ANSWER_MILLIS = 100;
    /** The ISS the peer uses toward the model. */
    static final long MODEL_PEER_ISS = 1L << 29;

    private final KernelHarness harness;
    private final Variant variant;
    private final Variant alternative;
    private final int wave;

    KernelMatrix(KernelHarness harness, Variant variant, Variant alternative, int wave) {
        this.harness = harness;
        this.variant = variant;
        this.alternative = alternative;
        this.wave = wave;
    }

    /** The ports of a cell: the kernel's 20000 + n (n below 20000), a server's peer 40000 + n, a client's peer 80. */
    static int kernelPort(int n) {
        return 20000 + n;
    }

    static int peerPort(Matrix.Cell c, int n) {
        return c.role() == Role.SERVER ? 40000 + n : 80;
    }

    /** Runs the cells; {@code portBase} offsets their ports so that runs in one namespace do not reuse a pair. */
    List<CellResult> run(List<Matrix.Cell> cells, int portBase) throws IOException, InterruptedException {
        List<CellResult> out = new ArrayList<>();
        for (int from = 0; from < cells.size(); from += wave) {
            List<Matrix.Cell> batch = cells.subList(from, Math.min(cells.size(), from + wave));
            List<CellRun> runs = new ArrayList<>();
            for (Matrix.Cell c : batch) {
                int n = portBase + c.index();
                runs.add(new CellRun(c, new KernelSubject(harness, c.role() == Role.SERVER, kernelPort(n),
                        peerPort(c, n))));
            }
            try {
                all(runs, CellRun::setUp);
                Map<Integer, ConnectionState> before = harness.sockets();
                for (CellRun r : runs) {
                    r.checkSetup(before);
                }
                all(runs, CellRun::probe);
                Map<Integer, ConnectionState> after = harness.sockets();
                for (CellRun r : runs) {
                    out.add(r.result(after));
                }
            } finally {
                for (CellRun r : runs) {
                    r.kernel.close();
                }
            }
        }
        return out;
    }

    private interface Phase {
        void run(CellRun r) throws Exception;
    }

    private void all(List<CellRun> runs, Phase phase) throws IOException, InterruptedException {
        List<Future<?>> fs = new ArrayList<>();
        for (CellRun r : runs) {
            Callable<Void> task = () -> {
                if (r.problem == null) {
                    try {
                        phase.run(r);
                    } catch (IOException e) {
                        r.problem = "the kernel refused a call: " + e.getMessage();
                    }
                }
                return null;
            };
            fs.add(harness.inside().submit(task));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IOException("a cell failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** One cell on its way through the phases. */
    private final class CellRun {
        final Matrix.Cell cell;
        final KernelSubject kernel;
        final ModelSubject model;
        final ModelSubject other;
        final View modelView = new View(ModelSubject.MODULUS, MODEL_PEER_ISS);
        final View otherView = new View(ModelSubject.MODULUS, MODEL_PEER_ISS);
        final View kernelView;
        String problem;
        String modelAnswer;
        String otherAnswer;
        String kernelAnswer;

        CellRun(Matrix.Cell cell, KernelSubject kernel) {
            this.cell = cell;
            this.kernel = kernel;
            this.model = new ModelSubject(variant, cell.role().passive);
            this.other = new ModelSubject(alternative, cell.role().passive);
            this.kernelView = new View(1L << 32, peerIss(cell));
        }

        void setUp() throws IOException, InterruptedException {
            int i = 0;
            for (Step s : cell.setup()) {
                i++;
                Exchange.Answer m = Exchange.step(model, modelView, s);
                Exchange.step(other, otherView, s);
                Exchange.Answer k = Exchange.step(kernel, kernelView, s, m.count(), SETUP_MILLIS);
                if (!m.text().equals(k.text())) {
                    problem = "setup step " + i + " (" + s + "): the kernel sent " + k.text() + " where the model sent "
                            + m.text();
                    return;
                }
            }
        }

        void checkSetup(Map<Integer, ConnectionState> sockets) throws InterruptedException {
            if (problem != null) {
                return;
            }
            List<Seg> extra = kernel.collect(Integer.MAX_VALUE, 0);
            if (!extra.isEmpty()) {
                problem = "setup: the kernel sent more than the model: " + extra;
                return;
            }
            ConnectionState k = kernel.state(sockets);
            if (k != cell.state() || model.state() != cell.state()) {
                problem = "setup reached " + k + " on the kernel and " + model.state() + " in the model, not "
                        + cell.state();
            }
        }

        void probe() throws IOException, InterruptedException {
            Step.Send s = cell.probe().send();
            modelAnswer = Exchange.step(model, modelView, s).text();
            otherAnswer = Exchange.step(other, otherView, s).text();
            kernelAnswer = Exchange.step(kernel, kernelView, s, Integer.MAX_VALUE, ANSWER_MILLIS).text();
        }

        CellResult result(Map<Integer, ConnectionState> sockets) {
            if (problem != null) {
                return new CellResult(cell, "", model.state(), "", other.state(), "", null, problem);
            }
            return new CellResult(cell, modelAnswer, model.state(), otherAnswer, other.state(), kernelAnswer,
                    kernel.state(sockets), null);
        }
    }

    /** The peer's ISS toward the kernel in a cell: distinct per cell, far from 0. */
    static long peerIss(Matrix.Cell c) {
        return 0x10000000L + (long) c.index() * 0x10000L;
    }
}
