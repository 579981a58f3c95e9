package tcpcheck.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * The protocol variants: the standard and the designs the textbooks argue against.
 *
 * <p>On an RST in TIME-WAIT RFC 9293 is explicit: its section 3.10.7.4, second step (check the RST bit), says for
 * CLOSING, LAST-ACK and TIME-WAIT "If the RST bit is set, then enter the CLOSED state, delete the TCB, and
 * return", as RFC 793 did; it does not adopt RFC 1337's first fix (ignore an RST in TIME-WAIT), and neither does
 * Linux by default ({@code net.ipv4.tcp_rfc1337 = 0}). The standard variant of this project is RFC 9293 <em>with</em>
 * that fix ({@link #RFC9293_RFC1337}); RFC 9293's text as written is {@link #RFC9293_TEXT}. The names these two had
 * before ({@code rfc9293} and {@code rfc793-time-wait}) remain accepted as aliases.
 */
public enum Variant {
    RFC9293_RFC1337("rfc9293-rfc1337", List.of("rfc9293"),
            "the standard variant: RFC 9293 (three-way handshake, four-way close with half-close, TIME-WAIT of"
                    + " 2 x MSL) with RFC 1337's first fix, an RST in TIME-WAIT is ignored; RFC 9293's own text"
                    + " (3.10.7.4, second step) does not adopt that fix", Variant::twiceMsl, false),
    TWO_WAY_HANDSHAKE("two-way-handshake", List.of(),
            "B enters ESTABLISHED when a SYN reaches it in LISTEN, answering SYN-ACK once and never retransmitting it",
            Variant::twiceMsl, false),
    FOUR_WAY_HANDSHAKE("four-way-handshake", List.of(), "SYN, ACK, SYN, ACK as four separate segments",
            Variant::twiceMsl, false),
    THREE_WAY_CLOSE("three-way-close", List.of(),
            "no half-close: a FIN received in ESTABLISHED is answered by FIN+ACK at once, unsent data discarded",
            Variant::twiceMsl, false),
    NO_TIME_WAIT("no-time-wait", List.of(),
            "T = 0: the active closer is CLOSED as soon as it has acknowledged the peer's FIN", msl -> 0, true),
    SHORT_TIME_WAIT("short-time-wait", List.of(), "T = MSL", msl -> msl, true),
    RFC9293_TEXT("rfc9293-text", List.of("rfc793-time-wait"),
            "RFC 9293's text as written (3.10.7.4, second step): an RST in TIME-WAIT enters CLOSED, as in RFC 793"
                    + " and in Linux by default (net.ipv4.tcp_rfc1337 = 0); the TIME-WAIT assassination of RFC 1337",
            Variant::twiceMsl, false);

    private final String id;
    private final List<String> aliases;
    private final String description;
    private final IntUnaryOperator ownTimeWait;
    private final boolean timeWaitIsTheVariant;

    Variant(String id, List<String> aliases, String description, IntUnaryOperator ownTimeWait,
            boolean timeWaitIsTheVariant) {
        this.id = id;
        this.aliases = aliases;
        this.description = description;
        this.ownTimeWait = ownTimeWait;
        this.timeWaitIsTheVariant = timeWaitIsTheVariant;
    }

    private static int twiceMsl(int msl) {
        return 2 * msl;
    }

    /**
     * T in force: the variant's own TIME-WAIT (2 x MSL; 0 for no-time-wait; MSL for short-time-wait) unless the
     * parameters set T. A variant whose TIME-WAIT is what defines it (no-time-wait, short-time-wait) refuses another
     * T with an IllegalArgumentException: no-time-wait with T = 4 would simply be the standard variant with T = 4.
     */
    public int timeWait(Parameters p) {
        int own = ownTimeWait.applyAsInt(p.msl());
        if (p.timeWait() == Parameters.VARIANTS_OWN) {
            return own;
        }
        if (timeWaitIsTheVariant && p.timeWait() != own) {
            throw new IllegalArgumentException(id + " is defined by its TIME-WAIT of T = " + own + " (at MSL = "
                    + p.msl() + "); with time-wait (T) " + p.timeWait() + " it would be rfc9293-rfc1337 with T = "
                    + p.timeWait() + ": check --variant rfc9293-rfc1337 --time-wait " + p.timeWait() + " instead");
        }
        return p.timeWait();
    }

    /** The variant's name, as commands print it and files record it. */
    public String id() {
        return id;
    }

    /** Earlier names of the variant, still accepted wherever a name is read (options and files). */
    public List<String> aliases() {
        return aliases;
    }

    public String description() {
        return description;
    }

    /** The variant with this name or alias, or an IllegalArgumentException that lists the names. */
    public static Variant named(String name) {
        for (Variant v : values()) {
            if (v.id.equals(name) || v.aliases.contains(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "'; the variants are: " + names());
    }

    /** The names of the variants, with their aliases in brackets: "rfc9293-rfc1337 (or rfc9293), …". */
    public static String names() {
        return Arrays.stream(values())
                .map(v -> v.id + (v.aliases.isEmpty() ? "" : " (or " + String.join(", ", v.aliases) + ")"))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
