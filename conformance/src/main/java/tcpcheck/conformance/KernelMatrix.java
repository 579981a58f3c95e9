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
 * left. The kernel answers a segment while the harness writes it; the window (100 ms, and until the harness has read
 * everything, {@link KernelHarness#drain}) is far below every timer of the kernel (a SYN or SYN-ACK is retransmitted
 * after 1 s, and the harness's route keeps other retransmissions 3 s away). Should a loaded machine stretch a cell
 * past a second anyway, the repeated SYN gives it away and the cell is run again.
 */
final class KernelMatrix {
    /** How long the harness waits for the kernel's answer to a setup step that the model answers. */
    static final long SETUP_MILLIS = 2000;
    /**
     * How long after the probes the harness reads the answers (then it also waits until it has read everything the
     * kernel sent before, {@link KernelHarness#drain}): answers that a short timer sends, such as Linux's SYN sent
     * again 2 ms after an unacceptable ACK in SYN-SENT, come within it.
     */
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

    /** Attempts at a cell whose kernel timer fired (on a machine too loaded to keep a cell under a second). */
    static final int ATTEMPTS = 3;

    /**
     * Runs the cells; {@code portBase} offsets their ports so that runs in one namespace do not reuse a pair. A cell
     * in which the kernel's retransmission timer fired is run again, at most {@link #ATTEMPTS} times in all.
     */
    List<CellResult> run(List<Matrix.Cell> cells, int portBase) throws IOException, InterruptedException {
        CellResult[] out = new CellResult[cells.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            todo.add(i);
        }
        for (int attempt = 0; attempt < ATTEMPTS && !todo.isEmpty(); attempt++) {
            List<Integer> again = new ArrayList<>();
            for (int from = 0; from < todo.size(); from += wave) {
                List<Integer> batch = todo.subList(from, Math.min(todo.size(), from + wave));
                List<CellRun> runs = new ArrayList<>();
                for (int i : batch) {
                    Matrix.Cell c = cells.get(i);
                    int n = portBase + attempt * PORTS_PER_ATTEMPT + c.index();
                    runs.add(new CellRun(c, new KernelSubject(harness, c.role() == Role.SERVER, kernelPort(n),
                            peerPort(c, n))));
                }
                try {
                    wave(runs);
                } finally {
                    for (CellRun r : runs) {
                        r.kernel.close();
                    }
                }
                for (int k = 0; k < batch.size(); k++) {
                    CellRun r = runs.get(k);
                    out[batch.get(k)] = r.result;
                    if (r.kernel.timerFired() && attempt + 1 < ATTEMPTS) {
                        again.add(batch.get(k));
                    } else if (r.kernel.timerFired()) {
                        out[batch.get(k)] = r.result.withProblem("the kernel's retransmission timer fired in all "
                                + ATTEMPTS + " attempts (the machine is too loaded)");
                    }
                }
            }
            retried += again.size();
            todo = again;
        }
        return List.of(out);
    }

    /** Ports between attempts: every cell index of a run is below this. */
    static final int PORTS_PER_ATTEMPT = 2000;

    private int retried;

    /** Cells run again because a timer fired. */
    int retried() {
        return retried;
    }

    private void wave(List<CellRun> runs) throws IOException, InterruptedException {
        all(runs, CellRun::setUp);
        harness.drain();
        Map<Integer, ConnectionState> before = harness.sockets();
        for (CellRun r : runs) {
            r.checkSetup(before);
        }
        all(runs, CellRun::sendProbe);
        Thread.sleep(ANSWER_MILLIS);
        harness.drain();
        Map<Integer, ConnectionState> after = harness.sockets();
        for (CellRun r : runs) {
            r.result = r.result(after);
        }
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
        Seg kernelProbe;
        View kernelBefore;
        CellResult result;

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
            List<Seg> extra = kernel.drained();
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

        /** The model's answers at once; the kernel's probe is only sent: its answer is read after the wave. */
        void sendProbe() {
            Step.Send s = cell.probe().send();
            modelAnswer = Exchange.step(model, modelView, s).text();
            otherAnswer = Exchange.step(other, otherView, s).text();
            kernelBefore = kernelView.copy();
            kernelProbe = kernelView.concrete(s);
            kernelView.sent(s, kernelProbe);
            kernel.send(kernelProbe);
        }

        CellResult result(Map<Integer, ConnectionState> sockets) throws InterruptedException {
            if (problem != null) {
                return new CellResult(cell, "", model.state(), "", other.state(), "", null, problem);
            }
            List<Seg> answer = kernel.drained();
            for (Seg g : answer) {
                kernelView.received(g);
            }
            return new CellResult(cell, modelAnswer, model.state(), otherAnswer, other.state(),
                    Exchange.names(kernelBefore, kernelProbe, answer), kernel.state(sockets), null);
        }
    }

    /** The peer's ISS toward the kernel in a cell: distinct per cell, far from 0. */
    static long peerIss(Matrix.Cell c) {
        return 0x10000000L + (long) c.index() * 0x10000L;
    }
}
