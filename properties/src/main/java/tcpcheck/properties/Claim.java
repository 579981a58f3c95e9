package tcpcheck.properties;

import tcpcheck.model.ConnectionState;
import tcpcheck.model.Network;

/**
 * A fact a story states about its trace, as data, so that {@link ClaimCheck} can verify it against the trace
 * rather than trust the prose. Steps are numbered as in the charts: step i is the i-th action, and "the state after
 * step i" is the trace's i-th state (0: the initial state). Endpoints are {@code TcpModel.A} and {@code B}; a packet
 * is a segment packed as the network packs it ({@link Network#pack}, with its age in ticks).
 */
public sealed interface Claim {

    /** The step the claim is about (the one a story names it at). */
    int step();

    /** Step {@code step} is A's OPEN of connection {@code connection}. */
    record Opened(int step, int connection) implements Claim {
    }

    /** At {@code step} endpoint {@code from} put this segment (fields and stamp; age 0) into the network. */
    record Sent(int step, int from, int packet) implements Claim {
    }

    /** Step {@code step} is a retransmission timeout of {@code endpoint} that sent its outstanding segment again. */
    record Retransmitted(int step, int endpoint) implements Claim {
    }

    /** Step {@code step} is the network duplicating this packet (with its age). */
    record Duplicated(int step, int packet) implements Claim {
    }

    /** Step {@code step} is the network losing this packet (with its age). */
    record Lost(int step, int packet) implements Claim {
    }

    /** Step {@code step} delivers this packet (fields, connection, data index and age) to {@code to}. */
    record Delivered(int step, int to, int packet) implements Claim {
    }

    /**
     * The segment that the network action at {@code step} acts on was first sent at {@code sentStep}: it was sent
     * then, and its age is the number of ticks in between.
     */
    record SentAt(int step, int sentStep) implements Claim {
    }

    /**
     * The segment that the network action at {@code step} acts on is a copy the network made at {@code duplicatedAt}:
     * that step duplicated the same segment, and the ages agree with the ticks in between.
     */
    record DuplicateOf(int step, int duplicatedAt) implements Claim {
    }

    /**
     * The segment delivered at {@code step}, sent at {@code sentStep}, is old: its receiver started or ended a
     * connection in between.
     */
    record Old(int step, int sentStep) implements Claim {
    }

    /** {@code ticks} ticks pass from step {@code from} to step {@code step}. */
    record TicksBetween(int from, int step, int ticks) implements Claim {
    }

    /** Endpoint {@code endpoint} enters {@code state} at {@code step} (it was in another state before). */
    record Entered(int step, int endpoint, ConnectionState state) implements Claim {
    }

    /** Endpoint {@code endpoint} is in {@code state} after step {@code step}. */
    record InState(int step, int endpoint, ConnectionState state) implements Claim {
    }

    /** The timers a story names. */
    enum Timer { RETRANSMISSION, TIME_WAIT }

    /** Step {@code step} is {@code endpoint}'s {@code timer} running out; it had been set to {@code ticks}. */
    record TimerRanOut(int step, int endpoint, Timer timer, int ticks) implements Claim {
    }

    /** Step {@code step} is {@code endpoint} giving up after its retransmissions. */
    record GaveUp(int step, int endpoint) implements Claim {
    }

    /** Step {@code step} is a crash of {@code endpoint}. */
    record Crashed(int step, int endpoint) implements Claim {
    }

    /** Connection {@code connection} becomes over at {@code step} (A left it: TIME-WAIT, CLOSED or a later open). */
    record ConnectionOver(int step, int connection) implements Claim {
    }

    /** The arrival at {@code step} was decided by this rule of RFC 9293 (section and step). */
    record Rule(int step, String section, int rfcStep) implements Claim {
    }

    /** The segment delivered at {@code step} is an RST that ended {@code endpoint}'s connection. */
    record Reset(int step, int endpoint) implements Claim {
    }

    /** After {@code step}, {@code endpoint}'s application has had {@code units} data units delivered to it. */
    record UnitsDelivered(int step, int endpoint, int units) implements Claim {
    }

    /** After {@code step}, {@code endpoint}'s application has written {@code units} data units. */
    record UnitsWritten(int step, int endpoint, int units) implements Claim {
    }

    /** At {@code step} {@code endpoint}'s application reads the peer's end of stream. */
    record ReadsEndOfStream(int step, int endpoint) implements Claim {
    }

    /** The trace ends at {@code step} and violates the property part {@code part} of {@code property} there. */
    record Violated(int step, String property, String part) implements Claim {
    }

    /** No action is enabled after {@code step}. */
    record NoActionEnabled(int step) implements Claim {
    }

    /** The trace is a lasso whose cycle starts after step {@code loopStart} and ends at {@code step}. */
    record Cycle(int step, int loopStart) implements Claim {
    }
}
