package tcpcheck.model;

/**
 * One step of the system: an application's call, a segment's arrival, the adversary's doing, a timer, or a tick.
 *
 * @param endpoint {@link TcpModel#A} or {@link TcpModel#B}: the endpoint that acts or receives (for the network's
 *        actions, the direction's destination)
 * @param packet the packed segment (see {@link Network}) for the network's actions, else 0
 * @param isnChoice the clock value v of the ISS chosen, for an open or a SYN reaching LISTEN, else -1
 */
public record Action(Kind kind, int endpoint, int packet, int isnChoice) {

    /** The kinds of step. */
    public enum Kind {
        /** An application opens a connection (active OPEN). */
        OPEN,
        /** An application writes one data unit (SEND). */
        WRITE,
        /** An application closes its side (CLOSE). */
        CLOSE,
        /** An endpoint that rests in LISTEN listens again after a crash (passive OPEN). */
        LISTEN,
        /** A segment in flight arrives at its destination. */
        DELIVER,
        /** The network loses a segment in flight. */
        LOSE,
        /** The network duplicates a segment in flight (the copy keeps its age). */
        DUPLICATE,
        /** The retransmission timer fires: retransmit, or give up after R retransmissions. */
        RETRANSMISSION_TIMEOUT,
        /** The TIME-WAIT timer fires. */
        TIME_WAIT_TIMEOUT,
        /** An endpoint crashes: all its state is lost. */
        CRASH,
        /** Time advances by one tick for everything at once. */
        TICK
    }

    public boolean isNetwork() {
        return kind == Kind.DELIVER || kind == Kind.LOSE || kind == Kind.DUPLICATE;
    }

    public Segment segment() {
        return Network.segment(packet);
    }

    public Stamp stamp() {
        return Network.stamp(packet);
    }

    @Override
    public String toString() {
        String who = endpoint == TcpModel.A ? "A" : "B";
        switch (kind) {
            case TICK:
                return "tick";
            case DELIVER:
                return "deliver " + Network.describe(packet) + " to " + who;
            case LOSE:
                return "lose " + Network.describe(packet) + " to " + who;
            case DUPLICATE:
                return "duplicate " + Network.describe(packet) + " to " + who;
            case OPEN:
                return who + " opens (ISS choice " + isnChoice + ")";
            default:
                return who + " " + kind.name().toLowerCase().replace('_', ' ');
        }
    }
}
