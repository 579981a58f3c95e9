package tcpcheck.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds of a check (docs/specification.md, Parameters), validated.
 *
 * @param connections K: connections A may open on the port pair, one after another (1 to 7)
 * @param data D: data units each side's application writes per connection (0 to 7)
 * @param losses L: segments the network may lose in one behaviour (0 to 15)
 * @param duplicates Dup: segments the network may duplicate (0 to 15)
 * @param capacity C: segments in flight per direction (1 to 16); a send into a full direction is at the boundary
 * @param seqSpace S: sequence numbers are taken modulo S (2 to 256)
 * @param isnChoices I: values an initial sequence number may take, v · S / I (2 to S)
 * @param msl MSL: a segment is delivered or lost before it is MSL ticks old (1 to 15)
 * @param rto RTO: ticks from the (re)transmission of a segment to its retransmission (1 to 15)
 * @param retries R: retransmissions of one segment before the endpoint gives up (0 to 15)
 * @param timeWait T: ticks in TIME-WAIT (0 to 31); -1 means the variant's own (2 × MSL, or MSL, or 0)
 * @param crashes Crash: endpoint crashes per behaviour (0 to 3)
 * @param serverClosesFirst whether B's application closes right after its response, without waiting for A's FIN
 */
public record Parameters(int connections, int data, int losses, int duplicates, int capacity, int seqSpace,
                         int isnChoices, int msl, int rto, int retries, int timeWait, int crashes,
                         boolean serverClosesFirst) {

    public Parameters {
        check("connections (K)", connections, 1, 7);
        check("data (D)", data, 0, 7);
        check("losses (L)", losses, 0, 15);
        check("duplicates (Dup)", duplicates, 0, 15);
        check("capacity (C)", capacity, 1, 16);
        check("seq-space (S)", seqSpace, 2, 256);
        check("isn-choices (I)", isnChoices, 2, seqSpace);
        check("msl (MSL)", msl, 1, 15);
        check("rto (RTO)", rto, 1, 15);
        check("retries (R)", retries, 0, 15);
        check("time-wait (T)", timeWait, -1, 31);
        check("crashes (Crash)", crashes, 0, 3);
        if (seqSpace % isnChoices != 0) {
            throw new IllegalArgumentException("isn-choices (I) must divide seq-space (S) so that the initial "
                    + "sequence numbers v * S / I are whole; S = " + seqSpace + ", I = " + isnChoices);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** The defaults (docs/specification.md, Parameters): K=1, D=1, L=1, Dup=1, C=4, S=8, I=2, MSL=2, RTO=2, R=2, T=2·MSL, Crash=0. */
    public static Parameters defaults() {
        return new Parameters(1, 1, 1, 1, 4, 8, 2, 2, 2, 2, -1, 0, false);
    }

    /** The named profile {@code incarnations}: K = 2, for the properties that need a second connection. */
    public Parameters incarnations() {
        return withConnections(2);
    }

    /** T as the variant has it when not set explicitly: 0 for no-time-wait, MSL for short-time-wait, else 2·MSL. */
    public int timeWaitFor(Variant v) {
        if (timeWait >= 0) {
            return timeWait;
        }
        switch (v) {
            case NO_TIME_WAIT:
                return 0;
            case SHORT_TIME_WAIT:
                return msl;
            default:
                return 2 * msl;
        }
    }

    public Parameters withConnections(int k) {
        return new Parameters(k, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withData(int d) {
        return new Parameters(connections, d, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withLosses(int l) {
        return new Parameters(connections, data, l, duplicates, capacity, seqSpace, isnChoices, msl, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withDuplicates(int d) {
        return new Parameters(connections, data, losses, d, capacity, seqSpace, isnChoices, msl, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withCapacity(int c) {
        return new Parameters(connections, data, losses, duplicates, c, seqSpace, isnChoices, msl, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withMsl(int m) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, m, rto, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withRto(int r) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, r, retries,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withRetries(int r) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto, r,
                timeWait, crashes, serverClosesFirst);
    }

    public Parameters withTimeWait(int t) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto,
                retries, t, crashes, serverClosesFirst);
    }

    public Parameters withCrashes(int c) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto,
                retries, timeWait, c, serverClosesFirst);
    }

    public Parameters withServerClosesFirst(boolean b) {
        return new Parameters(connections, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto,
                retries, timeWait, crashes, b);
    }

    /** Every parameter by its symbol, as the reports print them (T resolved for the variant). */
    public Map<String, Object> describe(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("K", connections);
        m.put("D", data);
        m.put("L", losses);
        m.put("Dup", duplicates);
        m.put("C", capacity);
        m.put("S", seqSpace);
        m.put("I", isnChoices);
        m.put("MSL", msl);
        m.put("RTO", rto);
        m.put("R", retries);
        m.put("T", timeWaitFor(v));
        m.put("Crash", crashes);
        m.put("serverClosesFirst", serverClosesFirst);
        return m;
    }
}
