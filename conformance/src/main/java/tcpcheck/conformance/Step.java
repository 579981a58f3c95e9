package tcpcheck.conformance;

/**
 * One step of a script run against an endpoint under test: an application's call, or a segment from the peer (the
 * harness, standing for the model's other endpoint and the network), whose numbers are named relative to what the
 * peer knows ({@link View}) and made concrete for each endpoint separately.
 */
sealed interface Step {

    /** The socket calls of the endpoint's application. */
    enum Call implements Step {
        /** passive OPEN: listen(2). The model's B listens from the start. */
        LISTEN,
        /** active OPEN: connect(2) without waiting. */
        CONNECT,
        /** accept(2) of the connection: no protocol effect (the model has no accept queue). */
        ACCEPT,
        /** SEND of one octet: write(2). */
        WRITE,
        /** CLOSE: shutdown(SHUT_WR) of a connection (the model's CLOSE still reads), close(2) of a listener. */
        CLOSE
    }

    /** SEG.SEQ of a segment from the peer. */
    enum SeqRef {
        /** The peer's SND.NXT: the endpoint's RCV.NXT once it has accepted everything the peer sent. */
        AT_RCV_NXT("SEQ=RCV.NXT"),
        /** One past it: inside the window, but not the next expected octet. */
        IN_WINDOW("SEQ in window"),
        /** 64 before it: an old segment, outside the window. */
        OUTSIDE("SEQ outside window"),
        /** The peer's ISS (a SYN). */
        ISS("SEQ=ISS"),
        /** Ten before the peer's ISS: an old duplicate SYN (RFC 9293 Figure 8). */
        OLD_ISS("SEQ=old ISS"),
        /** The last SEG.ACK the endpoint sent (for an RST answering its SYN-ACK to an old SYN). */
        ACKED("SEQ=its SEG.ACK");

        final String label;

        SeqRef(String label) {
            this.label = label;
        }
    }

    /** SEG.ACK of a segment from the peer. */
    enum AckRef {
        /** The ACK bit is off. */
        NONE(""),
        /** The endpoint's SND.NXT: acknowledges everything it sent. */
        ACCEPTABLE("ACK=SND.NXT"),
        /** SND.UNA as the peer last acknowledged it: acknowledges nothing new (not the endpoint's FIN). */
        UNA("ACK=SND.UNA"),
        /** 64 before SND.UNA: an old acknowledgment. */
        OLD("ACK old"),
        /** 64 past SND.NXT: acknowledges what was never sent. */
        AHEAD("ACK ahead"),
        /** Nine before the endpoint's ISS: acknowledges an old SYN of another incarnation. */
        BEFORE_ISS("ACK=old ISS+1"),
        /** Any number (the endpoint has sent nothing to acknowledge): 12345 on both sides. */
        ANY("ACK any");

        final String label;

        AckRef(String label) {
            this.label = label;
        }
    }

    /**
     * A segment from the peer.
     *
     * @param flags control bits ({@link Packet} constants)
     * @param data octets of data (0 or 1)
     * @param advance whether the endpoint is meant to accept it: the peer's SND.NXT moves past it and, if it
     *        acknowledges something new, the endpoint's SND.UNA moves up to SEG.ACK
     */
    record Send(int flags, SeqRef seq, AckRef ack, int data, boolean advance) implements Step {
        public Send {
            if ((flags & Packet.ACK) == 0) {
                ack = AckRef.NONE;
            } else if (ack == AckRef.NONE) {
                throw new IllegalArgumentException("an ACK needs an acknowledgment number");
            }
        }

        @Override
        public String toString() {
            return Packet.flagNames(flags) + (data > 0 ? "+data" : "") + " " + seq.label
                    + (ack == AckRef.NONE ? "" : " " + ack.label);
        }
    }
}
