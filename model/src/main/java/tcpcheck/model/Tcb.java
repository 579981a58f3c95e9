package tcpcheck.model;

/**
 * The transmission control block of one endpoint (RFC 9293 section 3.3.1), as the model keeps it: the connection
 * state; ISS, IRS, SND.UNA, SND.NXT and RCV.NXT (modulo S); the send queue (data units written by the application
 * and not yet segmentized); how many units have been sent and whether the FIN has been queued and sent; the
 * retransmission timer with its count of retries, and the TIME-WAIT timer. A timer is -1 when it is off, the ticks
 * left while it runs, and 0 when it has run out and not yet fired. The send window is one segment; RCV.WND is 2.
 */
public record Tcb(ConnectionState state, int iss, int irs, int sndUna, int sndNxt, int rcvNxt, int queued,
                  int dataSent, boolean finQueued, boolean finSent, int retransmitTimer, int retries,
                  int timeWaitTimer) {

    public static final int OFF = -1;
    /** RCV.WND (docs/specification.md, The system). */
    public static final int RECEIVE_WINDOW = 2;

    public static Tcb closed() {
        return new Tcb(ConnectionState.CLOSED, 0, 0, 0, 0, 0, 0, 0, false, false, OFF, 0, OFF);
    }

    public static Tcb listen() {
        return closed().withState(ConnectionState.LISTEN);
    }

    /** Whether a segment that takes sequence space is unacknowledged (the window of one segment is full). */
    public boolean outstanding() {
        return sndUna != sndNxt;
    }

    /** Whether our FIN has been sent and acknowledged. */
    public boolean finAcknowledged() {
        return finSent && sndUna == sndNxt;
    }

    public Tcb withState(ConnectionState s) {
        return new Tcb(s, iss, irs, sndUna, sndNxt, rcvNxt, queued, dataSent, finQueued, finSent, retransmitTimer,
                retries, timeWaitTimer);
    }

    public Tcb withSendVariables(int newIss, int una, int nxt) {
        return new Tcb(state, newIss, irs, una, nxt, rcvNxt, queued, dataSent, finQueued, finSent, retransmitTimer,
                retries, timeWaitTimer);
    }

    public Tcb withReceive(int newIrs, int nxt) {
        return new Tcb(state, iss, newIrs, sndUna, sndNxt, nxt, queued, dataSent, finQueued, finSent,
                retransmitTimer, retries, timeWaitTimer);
    }

    public Tcb withRcvNxt(int nxt) {
        return withReceive(irs, nxt);
    }

    public Tcb withSndUna(int una) {
        return withSendVariables(iss, una, sndNxt);
    }

    public Tcb withQueue(int newQueued, int newDataSent, boolean newFinQueued, boolean newFinSent) {
        return new Tcb(state, iss, irs, sndUna, sndNxt, rcvNxt, newQueued, newDataSent, newFinQueued, newFinSent,
                retransmitTimer, retries, timeWaitTimer);
    }

    public Tcb withRetransmission(int timer, int count) {
        return new Tcb(state, iss, irs, sndUna, sndNxt, rcvNxt, queued, dataSent, finQueued, finSent, timer, count,
                timeWaitTimer);
    }

    public Tcb withTimeWaitTimer(int timer) {
        return new Tcb(state, iss, irs, sndUna, sndNxt, rcvNxt, queued, dataSent, finQueued, finSent,
                retransmitTimer, retries, timer);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(state.toString());
        if (state != ConnectionState.CLOSED && state != ConnectionState.LISTEN) {
            b.append(" ISS=").append(iss).append(" IRS=").append(irs).append(" SND.UNA=").append(sndUna)
                    .append(" SND.NXT=").append(sndNxt).append(" RCV.NXT=").append(rcvNxt);
        }
        if (queued > 0) {
            b.append(" queued=").append(queued);
        }
        if (finQueued && !finSent) {
            b.append(" FIN-queued");
        }
        if (retransmitTimer != OFF) {
            b.append(" rtx=").append(retransmitTimer).append('/').append(retries);
        }
        if (timeWaitTimer != OFF) {
            b.append(" time-wait=").append(timeWaitTimer);
        }
        return b.toString();
    }
}
