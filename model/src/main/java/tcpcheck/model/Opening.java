package tcpcheck.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How an endpoint's application opens connections (RFC 9293 section 3.10.1, OPEN call): actively, passively, or both.
 * The default is A active and B passive; A and B both active make simultaneous open possible (RFC 9293 Figure 7), and
 * an A that listens makes the two passive sockets of Figure 11 possible.
 */
public enum Opening {
    /** Active OPEN: the endpoint rests in CLOSED; its application opens each connection by sending a SYN. */
    ACTIVE("active", "rests in CLOSED; its application opens each connection actively (sends a SYN)"),
    /** Passive OPEN: the endpoint rests in LISTEN and waits for a SYN; its application never opens actively. */
    PASSIVE("passive", "rests in LISTEN (a passive OPEN) and waits for a SYN; its application never opens actively"),
    /**
     * Both: the endpoint rests in LISTEN, and its application also opens actively, which turns the listening
     * connection active (RFC 9293 3.10.1, an active OPEN in LISTEN).
     */
    BOTH("both", "rests in LISTEN, and its application also opens actively from there (RFC 9293 3.10.1, an active"
            + " OPEN in LISTEN)");

    private final String id;
    private final String description;

    Opening(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name the command line and the files use. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the application opens connections actively (sends a SYN). */
    public boolean active() {
        return this != PASSIVE;
    }

    /** The state the endpoint rests in between connections: CLOSED, or LISTEN for an endpoint that listens. */
    public ConnectionState resting() {
        return this == ACTIVE ? ConnectionState.CLOSED : ConnectionState.LISTEN;
    }

    /** The opening with this name, or an IllegalArgumentException that lists the names. */
    public static Opening named(String name) {
        for (Opening o : values()) {
            if (o.id.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown opening '" + name + "'; the openings are: " + names());
    }

    /** "active, passive, both". */
    public static String names() {
        return Arrays.stream(values()).map(Opening::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
