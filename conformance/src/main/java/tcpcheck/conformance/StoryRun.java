package tcpcheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.ConnectionState;

/**
 * Replays a {@link Stories.Story} on the kernel and on the model's endpoint of the story's variant, step by step. After
 * each step the kernel's state is read with {@code ss}. The story reproduces when every step's outcome (the segments
 * sent and the state) is the model's, or differs from it as the kernel-differences entry named by the step allows.
 */
final class StoryRun {
    /** How long the harness listens for the kernel's answer to each step. */
    static final long STEP_MILLIS = 100;

    /** One step's outcome on both sides. */
    record BeatResult(String step, String model, String kernel, boolean agrees, String explainedBy) {
    }

    /** The outcome of a story: each step, and whether the kernel followed the model throughout. */
    record Result(Stories.Story story, List<BeatResult> beats, boolean reproduces, String problem) {
    }

    private StoryRun() {
    }

    static Result run(KernelHarness harness, Stories.Story story, int kernelPort, int peerPort,
                      KernelExplanations explanations) throws InterruptedException {
        ModelSubject model = new ModelSubject(story.variant(), story.role().passive);
        View modelView = new View(ModelSubject.MODULUS, KernelMatrix.MODEL_PEER_ISS);
        View kernelView = new View(1L << 32, 0x50000000L + (long) kernelPort * 0x1000L);
        List<BeatResult> out = new ArrayList<>();
        boolean reproduces = true;
        try (KernelSubject kernel = new KernelSubject(harness, story.role() == Role.SERVER, kernelPort,
                peerPort)) {
            for (Stories.Beat b : story.beats()) {
                ConnectionState before = model.state();
                Exchange.Answer m = Exchange.step(model, modelView, b.step());
                String k = kernelStep(harness, kernel, kernelView, b.step(), m.count());
                ConnectionState ks = kernel.state(harness.sockets());
                String mo = CellResult.outcome(m.text(), model.state());
                String ko = CellResult.outcome(k, ks);
                boolean agrees = mo.equals(ko);
                String used = null;
                if (!agrees && b.explainedBy() != null && allowed(explanations, b.explainedBy(), before, mo, ko)) {
                    used = b.explainedBy();
                }
                out.add(new BeatResult(b.step().toString(), mo, ko, agrees, used));
                if (!agrees && used == null) {
                    reproduces = false;
                    break;
                }
            }
            if (kernel.timerFired()) {
                return new Result(story, out, false, TIMER);
            }
        } catch (IOException e) {
            return new Result(story, out, false, "the kernel refused a call: " + e.getMessage());
        }
        return new Result(story, out, reproduces, null);
    }

    /** The problem of a story in which the kernel's retransmission timer fired: it is run again. */
    static final String TIMER = "the kernel's retransmission timer fired (the machine is too loaded)";

    /**
     * The kernel's answer to a step: what it sends at once (as many segments as the model did, waiting up to 2 s),
     * then everything else it sends within {@link #STEP_MILLIS} and before the harness drained the device.
     */
    private static String kernelStep(KernelHarness h, KernelSubject k, View v, Step step, int expected)
            throws IOException, InterruptedException {
        View before = v.copy();
        Seg probe = null;
        List<Seg> got = new ArrayList<>();
        if (step instanceof Step.Call c) {
            got.addAll(k.call(c, expected, KernelMatrix.SETUP_MILLIS));
        } else {
            Step.Send send = (Step.Send) step;
            probe = v.concrete(send);
            v.sent(send, probe);
            got.addAll(k.deliver(probe, expected, KernelMatrix.SETUP_MILLIS));
        }
        Thread.sleep(STEP_MILLIS);
        h.drain();
        got.addAll(k.drained());
        for (Seg g : got) {
            v.received(g);
        }
        return Exchange.names(before, probe, got);
    }

    private static boolean allowed(KernelExplanations ex, String id, ConnectionState state, String model,
                                   String kernel) {
        for (KernelExplanations.Entry e : ex.entries()) {
            if (!e.id().equals(id)) {
                continue;
            }
            for (KernelExplanations.Outcome o : e.outcomes()) {
                String s = state.toString();
                if (o.model().replace("{state}", s).equals(model) && o.kernel().replace("{state}", s).equals(kernel)) {
                    return true;
                }
            }
        }
        return false;
    }
}
