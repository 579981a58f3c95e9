package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * SPEC section 7's sweep of T against RTO and MSL: for which TIME-WAIT durations does graceful-close hold? The hand
 * argument for one lost final ACK gives T ≥ RTO + MSL: the peer retransmits its FIN RTO ticks after sending it, and
 * the retransmission may take up to MSL - 1 ticks to arrive, while TIME-WAIT started at most one tick after the
 * first FIN was sent.
 */
public final class TimeWaitSweep {

    /** One cell of the sweep: the verdict of graceful-close on rfc9293 with this MSL, RTO and T. */
    public record Cell(int msl, int rto, int timeWait, Verdict verdict, int counterexampleLength, long states) {
    }

    private final Verification verification;

    public TimeWaitSweep(Verification verification) {
        this.verification = verification.firstCounterexample(true);
    }

    /** The cells for one MSL: every RTO from 1 to MSL, every T from 0 to 2 · MSL + 2. */
    public List<Cell> sweep(int msl, Consumer<Cell> each) {
        return sweep(msl, java.util.stream.IntStream.rangeClosed(1, msl).boxed().toList(), each);
    }

    /** The cells for one MSL and the given RTO values (each at most MSL), every T from 0 to 2 · MSL + 2. */
    public List<Cell> sweep(int msl, List<Integer> rtos, Consumer<Cell> each) {
        List<Cell> out = new ArrayList<>();
        for (int rto : rtos) {
            for (int t = 0; t <= 2 * msl + 2; t++) {
                Parameters p = Parameters.defaults().withMsl(msl).withRto(rto).withTimeWait(t);
                VariantReport r = verification.check(Variant.RFC9293, p, List.of(TcpProperties.GRACEFUL_CLOSE));
                PropertyVerdict v = r.result(TcpProperties.GRACEFUL_CLOSE);
                Cell c = new Cell(msl, rto, t, v.verdict(), v.length(), r.statistics().states());
                out.add(c);
                if (each != null) {
                    each.accept(c);
                }
            }
        }
        return out;
    }

    /** The boundary the sweep is checked against: graceful-close holds exactly when T ≥ RTO + MSL. */
    public static boolean predicted(int msl, int rto, int timeWait) {
        return timeWait >= rto + msl;
    }
}
