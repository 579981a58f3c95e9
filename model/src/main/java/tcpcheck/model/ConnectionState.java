package tcpcheck.model;

/** The eleven connection states of RFC 9293 section 3.3.2. */
public enum ConnectionState {
    CLOSED("CLOSED"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN-SENT"),
    SYN_RECEIVED("SYN-RECEIVED"),
    ESTABLISHED("ESTABLISHED"),
    FIN_WAIT_1("FIN-WAIT-1"),
    FIN_WAIT_2("FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST-ACK"),
    TIME_WAIT("TIME-WAIT");

    private final String rfcName;

    ConnectionState(String rfcName) {
        this.rfcName = rfcName;
    }

    /** CLOSED or LISTEN: no connection. A connection ends when its endpoint becomes idle. */
    public boolean idle() {
        return this == CLOSED || this == LISTEN;
    }

    /** ESTABLISHED or a state after it: the handshake is over. */
    public boolean pastHandshake() {
        return ordinal() >= ESTABLISHED.ordinal() && this != CLOSED;
    }

    /** SYN-RECEIVED and every later state: the sequence numbers of both sides are known. */
    public boolean synchronizedState() {
        return ordinal() >= SYN_RECEIVED.ordinal();
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
