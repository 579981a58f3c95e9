package tcpcheck.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The protocol variants of SPEC section 5: the standard and the designs the textbooks argue against. */
public enum Variant {
    RFC9293("rfc9293", "the standard: three-way handshake, four-way close with half-close, TIME-WAIT of 2 x MSL"),
    TWO_WAY_HANDSHAKE("two-way-handshake",
            "B enters ESTABLISHED when a SYN reaches it in LISTEN, answering SYN-ACK once and never retransmitting it"),
    FOUR_WAY_HANDSHAKE("four-way-handshake", "SYN, ACK, SYN, ACK as four separate segments"),
    THREE_WAY_CLOSE("three-way-close",
            "no half-close: a FIN received in ESTABLISHED is answered by FIN+ACK at once, unsent data discarded"),
    NO_TIME_WAIT("no-time-wait", "T = 0: the active closer is CLOSED as soon as it has acknowledged the peer's FIN"),
    SHORT_TIME_WAIT("short-time-wait", "T = MSL"),
    RFC793_TIME_WAIT("rfc793-time-wait", "an RST in TIME-WAIT ends TIME-WAIT (the assassination hazard of RFC 1337)");

    private final String id;
    private final String description;

    Variant(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The variant with this name, or an IllegalArgumentException that lists the names. */
    public static Variant named(String name) {
        for (Variant v : values()) {
            if (v.id.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "'; the variants are: "
                + Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
