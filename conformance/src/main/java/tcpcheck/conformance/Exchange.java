package tcpcheck.conformance;

import java.io.IOException;
import java.util.List;

/**
 * One step of a script on one endpoint under test, with the peer's {@link View} of it: the peer's segment is made
 * concrete from the view, the endpoint answers, the view learns from both, and the answer is named relative to the
 * view as it was before the step.
 */
final class Exchange {
    static final String NOTHING = "nothing";

    private Exchange() {
    }

    /** The segments an endpoint sent in answer to a step, and their names. */
    record Answer(List<Seg> segments, String text) {
        int count() {
            return segments.size();
        }
    }

    static Answer step(ModelSubject m, View v, Step s) {
        View before = v.copy();
        if (s instanceof Step.Call c) {
            return learn(v, before, null, m.call(c));
        }
        Step.Send send = (Step.Send) s;
        Seg seg = v.concrete(send);
        v.sent(send, seg);
        return learn(v, before, seg, m.deliver(seg));
    }

    static Answer step(KernelSubject k, View v, Step s, int expected, long millis)
            throws IOException, InterruptedException {
        View before = v.copy();
        if (s instanceof Step.Call c) {
            return learn(v, before, null, k.call(c, expected, millis));
        }
        Step.Send send = (Step.Send) s;
        Seg seg = v.concrete(send);
        v.sent(send, seg);
        return learn(v, before, seg, k.deliver(seg, expected, millis));
    }

    private static Answer learn(View v, View before, Seg probe, List<Seg> out) {
        for (Seg o : out) {
            v.received(o);
        }
        return new Answer(out, names(before, probe, out));
    }

    static String names(View before, Seg probe, List<Seg> out) {
        if (out.isEmpty()) {
            return NOTHING;
        }
        StringBuilder b = new StringBuilder();
        for (Seg o : out) {
            b.append(b.length() == 0 ? "" : " ").append(before.name(probe, o));
        }
        return b.toString();
    }
}
