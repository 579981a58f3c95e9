package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * The sweep of T (docs/specification.md, Verdicts) against RTO and MSL on the standard variant (rfc9293-rfc1337): for which TIME-WAIT durations does a property hold?
 *
 * <ul>
 *   <li><b>graceful-close</b> (one connection). The hand argument for one lost final ACK gives T ≥ RTO + MSL: the
 *       peer retransmits its FIN RTO ticks after sending it, and the retransmission may take up to MSL - 1 ticks to
 *       arrive, while TIME-WAIT started at most one tick after the first FIN was sent.</li>
 *   <li><b>no-stale-accept</b> with the incarnations profile (two connections, so that an old segment of the first
 *       can meet the second). TIME-WAIT must outlast an old segment <em>and the answer it draws</em>: an old
 *       duplicate ACK of A's reaches B, back in LISTEN, up to MSL - 1 ticks after A entered TIME-WAIT; B answers with
 *       an RST that may travel MSL - 1 ticks more and reset A's next connection, leaving B to establish alone a
 *       connection that is over. So T ≥ 2 · (MSL - 1) + 1 = 2 · MSL - 1, whatever the RTO: the two-MSL round trip
 *       behind RFC 9293's TIME-WAIT, in ticks.</li>
 * </ul>
 */
public final class TimeWaitSweep {
    /** The properties a sweep can ask about. */
    public static final List<String> PROPERTIES = List.of(TcpProperties.GRACEFUL_CLOSE, TcpProperties.NO_STALE_ACCEPT);

    /** One cell of the sweep: the verdict of the property on rfc9293-rfc1337 with this MSL, RTO and T. */
    public record Cell(String property, int msl, int rto, int timeWait, Verdict verdict, int counterexampleLength,
                       long states) {
    }

    private final Verification verification;
    private final String property;

    /** The graceful-close sweep. */
    public TimeWaitSweep(Verification verification) {
        this(verification, TcpProperties.GRACEFUL_CLOSE);
    }

    /** The sweep of {@code property}, one of {@link #PROPERTIES}. */
    public TimeWaitSweep(Verification verification, String property) {
        if (!PROPERTIES.contains(property)) {
            throw new IllegalArgumentException("the TIME-WAIT sweep checks " + String.join(" or ", PROPERTIES)
                    + ", not '" + property + "'");
        }
        this.verification = verification.firstCounterexample(true);
        this.property = property;
    }

    public String property() {
        return property;
    }

    /** The bounds of one cell: the specification's defaults, with two connections for no-stale-accept. */
    public Parameters parameters(int msl, int rto, int timeWait) {
        Parameters base = property.equals(TcpProperties.NO_STALE_ACCEPT) ? Parameters.defaults().incarnations()
                : Parameters.defaults();
        return base.with(Parameter.MSL, msl).with(Parameter.RTO, rto).with(Parameter.TIME_WAIT, timeWait);
    }

    /** The cells for one MSL: every RTO from 1 to MSL, every T from 0 to 2 · MSL + 2. */
    public List<Cell> sweep(int msl, Consumer<Cell> each) {
        return sweep(msl, java.util.stream.IntStream.rangeClosed(1, msl).boxed().toList(), each);
    }

    /** The cells for one MSL and the given RTO values (each at most MSL), every T from 0 to 2 · MSL + 2. */
    public List<Cell> sweep(int msl, List<Integer> rtos, Consumer<Cell> each) {
        return sweep(msl, rtos, timeWaits(msl), each);
    }

    /** The T values the specification sweeps for one MSL: every value from 0 to 2 · MSL + 2. */
    public static List<Integer> timeWaits(int msl) {
        return java.util.stream.IntStream.rangeClosed(0, 2 * msl + 2).boxed().toList();
    }

    /** The cells for one MSL, the given RTO values and the given T values. */
    public List<Cell> sweep(int msl, List<Integer> rtos, List<Integer> timeWaits, Consumer<Cell> each) {
        List<Cell> out = new ArrayList<>();
        for (int rto : rtos) {
            for (int t : timeWaits) {
                VariantReport r = check(msl, rto, t);
                PropertyVerdict v = r.result(property);
                Cell c = new Cell(property, msl, rto, t, v.verdict(), v.length(), r.statistics().states());
                out.add(c);
                if (each != null) {
                    each.accept(c);
                }
            }
        }
        return out;
    }

    /** One cell's check: rfc9293-rfc1337 with these MSL, RTO and T, the property alone, stopped at its first counterexample. */
    public VariantReport check(int msl, int rto, int timeWait) {
        return verification.check(Variant.RFC9293_RFC1337, parameters(msl, rto, timeWait), List.of(property));
    }

    /** The boundary the sweep is checked against, as a formula. */
    public String boundary() {
        return property.equals(TcpProperties.GRACEFUL_CLOSE) ? "T >= RTO + MSL" : "T >= 2 MSL - 1";
    }

    /** Whether the boundary predicts that the property holds in this cell. */
    public boolean predicted(int msl, int rto, int timeWait) {
        return property.equals(TcpProperties.GRACEFUL_CLOSE) ? timeWait >= rto + msl : timeWait >= 2 * msl - 1;
    }
}
