package tcpcheck.conformance;

import static tcpcheck.conformance.Step.AckRef;
import static tcpcheck.conformance.Step.Call;
import static tcpcheck.conformance.Step.SeqRef;
import static tcpcheck.conformance.Step.Send;

import java.util.List;
import tcpcheck.model.Variant;

/**
 * The stories replayed against the kernel: RFC 9293's scenarios and the counterexample of rfc9293-text's
 * graceful-close, with the kernel in one endpoint's place and the harness playing the adversary's side (the other
 * endpoint and the network). Each step is compared with the model's endpoint of the variant the story names.
 */
final class Stories {
    private Stories() {
    }

    /**
     * One story.
     *
     * @param rfc1337 the value of net.ipv4.tcp_rfc1337 in the namespace while it runs
     * @param expectation what the kernel must do, in words (the steps check it)
     */
    record Story(String id, String title, String source, Role role, Variant variant, int rfc1337,
                 String expectation, List<Beat> beats) {
    }

    /**
     * A step of a story; {@code explainedBy} names the entry of kernel-differences.json whose outcomes this step may
     * show instead of the model's (null: the kernel must answer exactly as the model).
     */
    record Beat(Step step, String explainedBy) {
    }

    private static Beat beat(Step s) {
        return new Beat(s, null);
    }

    private static Send send(int flags, SeqRef seq, AckRef ack, int data, boolean advance) {
        return new Send(flags, seq, ack, data, advance);
    }

    private static final int SYN = Packet.SYN;
    private static final int ACK = Packet.ACK;
    private static final int FIN = Packet.FIN | Packet.ACK;
    private static final int RST = Packet.RST;

    static List<Story> all() {
        Beat listen = beat(Call.LISTEN);
        Beat connect = beat(Call.CONNECT);
        Beat synAck = beat(send(SYN | ACK, SeqRef.ISS, AckRef.ACCEPTABLE, 0, true));
        Beat syn = beat(send(SYN, SeqRef.ISS, AckRef.NONE, 0, true));
        Beat ack = beat(send(ACK, SeqRef.AT_RCV_NXT, AckRef.ACCEPTABLE, 0, true));
        Beat fin = beat(send(FIN, SeqRef.AT_RCV_NXT, AckRef.ACCEPTABLE, 0, true));
        Beat close = beat(Call.CLOSE);
        Beat accept = beat(Call.ACCEPT);
        Variant standard = Variant.RFC9293_RFC1337;
        // rfc9293-text.graceful-close with the kernel as A: A writes, reads B's answer, closes; B's FIN takes A to
        // TIME-WAIT; A's duplicated last ACK reaches B, back in LISTEN, and the RST it draws reaches A.
        List<Beat> assassination = List.of(connect, synAck, beat(Call.WRITE),
                beat(send(ACK, SeqRef.AT_RCV_NXT, AckRef.ACCEPTABLE, 1, true)), close, fin,
                beat(send(RST, SeqRef.AT_RCV_NXT, AckRef.NONE, 0, false)));
        return List.of(
            new Story("figure-6-client", "Basic three-way handshake, the kernel as TCP A", "RFC 9293 Figure 6",
                Role.CLIENT, standard, 0, "SYN, then ACK of the SYN-ACK: ESTABLISHED",
                List.of(connect, synAck)),
            new Story("figure-6-server", "Basic three-way handshake, the kernel as TCP B", "RFC 9293 Figure 6",
                Role.SERVER, standard, 0, "SYN-ACK to the SYN, ESTABLISHED on the ACK",
                List.of(listen, syn, ack)),
            new Story("figure-8-client", "Recovery from an old duplicate SYN, the kernel as TCP A",
                "RFC 9293 Figure 8", Role.CLIENT, standard, 0,
                "the SYN-ACK that acknowledges an old SYN draws the kernel's RST <SEQ=SEG.ACK>, the kernel stays in"
                    + " SYN-SENT, and the SYN-ACK of its own SYN establishes the connection",
                List.of(connect,
                    new Beat(send(SYN | ACK, SeqRef.OLD_ISS, AckRef.BEFORE_ISS, 0, false),
                        "syn-sent-early-retransmission"),
                    synAck)),
            new Story("figure-8-server", "Recovery from an old duplicate SYN, the kernel as TCP B",
                "RFC 9293 Figure 8", Role.SERVER, standard, 0,
                "the old SYN draws a SYN-ACK, the RST it draws returns the kernel to LISTEN, and the new SYN"
                    + " establishes the connection",
                List.of(listen, beat(send(SYN, SeqRef.OLD_ISS, AckRef.NONE, 0, false)),
                    beat(send(RST, SeqRef.ACKED, AckRef.NONE, 0, false)), syn, ack)),
            new Story("figure-9-server", "Half-open connection discovery, the kernel as TCP B",
                "RFC 9293 Figure 9", Role.SERVER, standard, 0,
                "a SYN of a crashed peer's new incarnation draws a challenge ACK; the RST it draws ends the"
                    + " connection",
                List.of(listen, syn, ack, accept, beat(send(SYN, SeqRef.OUTSIDE, AckRef.NONE, 0, false)),
                    beat(send(RST, SeqRef.ACKED, AckRef.NONE, 0, false)))),
            new Story("figure-10-client", "Active side causes half-open connection discovery, the kernel as TCP B",
                "RFC 9293 Figure 10", Role.CLIENT, standard, 0,
                "the kernel's data reaches a peer that no longer knows the connection; its RST resets the kernel",
                List.of(connect, synAck, beat(Call.WRITE), beat(send(RST, SeqRef.ACKED, AckRef.NONE, 0, false)))),
            new Story("figure-12-client", "Normal close, the kernel closing first", "RFC 9293 Figure 12",
                Role.CLIENT, standard, 0, "FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT",
                List.of(connect, synAck, close, ack, fin)),
            new Story("figure-12-server", "Normal close, the peer closing first", "RFC 9293 Figure 12",
                Role.SERVER, standard, 0, "CLOSE-WAIT, LAST-ACK, CLOSED (LISTEN again)",
                List.of(listen, syn, ack, accept, fin, close, ack)),
            new Story("figure-13-client", "Simultaneous close", "RFC 9293 Figure 13", Role.CLIENT,
                standard, 0, "FIN-WAIT-1, CLOSING, TIME-WAIT",
                List.of(connect, synAck, close, beat(send(FIN, SeqRef.AT_RCV_NXT, AckRef.UNA, 0, true)), ack)),
            new Story("rst-in-time-wait-text", "An RST ends TIME-WAIT (tcp_rfc1337 = 0)",
                "counterexamples/rfc9293-text.graceful-close (the adversary's side)", Role.CLIENT,
                Variant.RFC9293_TEXT, 0,
                "with tcp_rfc1337 = 0 the RST that the duplicated last ACK drew from the peer, back in LISTEN,"
                    + " ends the kernel's TIME-WAIT: CLOSED, as in the variant rfc9293-text",
                assassination),
            new Story("rst-in-time-wait-rfc1337", "An RST does not end TIME-WAIT (tcp_rfc1337 = 1)",
                "counterexamples/rfc9293-text.graceful-close (the adversary's side)", Role.CLIENT,
                Variant.RFC9293_RFC1337, 1,
                "with tcp_rfc1337 = 1 the same RST is ignored: the kernel stays in TIME-WAIT, as in the standard"
                    + " variant rfc9293-rfc1337",
                assassination));
    }
}
