package tcpcheck.conformance;

import static tcpcheck.conformance.Step.AckRef;
import static tcpcheck.conformance.Step.Call;
import static tcpcheck.conformance.Step.SeqRef;
import static tcpcheck.conformance.Step.Send;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.ConnectionState;

/**
 * The segment-arrives matrix: for each role of the endpoint under test and each RFC state it can be brought to, every
 * class of incoming segment. A cell is a setup script (the calls and the peer's segments that bring the endpoint to
 * the state, each one valid) and a probe.
 *
 * <p>Classes of segment: the control bits (SYN, SYN-ACK, ACK, data = ACK with one octet, FIN without ACK, FIN-ACK,
 * RST, RST-ACK); SEG.SEQ at RCV.NXT, inside the window (RCV.NXT + 1) or outside it (RCV.NXT − 64) where the endpoint
 * has a RCV.NXT, else the peer's fresh ISS; SEG.ACK acceptable (SND.NXT), old (SND.UNA − 64) or ahead (SND.NXT + 64)
 * where it has sent something, else any number.
 */
final class Matrix {
    private Matrix() {
    }

    /** A class of incoming segment. */
    record Probe(String kind, int flags, int data, SeqRef seq, AckRef ack) {
        Send send() {
            return new Send(flags, seq, ack, data, false);
        }

        String label() {
            return kind + " " + seq.label + (ack == AckRef.NONE ? "" : " " + ack.label);
        }
    }

    /** One cell: the endpoint's role, the state the setup brings it to, the probe. */
    record Cell(int index, Role role, ConnectionState state, Probe probe) {
        List<Step> setup() {
            return Matrix.setup(role, state);
        }

        String label() {
            return role.label + " " + state + " " + probe.label();
        }
    }

    /** The states each role is brought to, in the order of the table. */
    static List<ConnectionState> states(Role r) {
        List<ConnectionState> s = new ArrayList<>();
        s.add(ConnectionState.CLOSED);
        if (r == Role.SERVER) {
            s.add(ConnectionState.LISTEN);
        } else {
            s.add(ConnectionState.SYN_SENT);
        }
        s.addAll(List.of(ConnectionState.SYN_RECEIVED, ConnectionState.ESTABLISHED, ConnectionState.FIN_WAIT_1,
                ConnectionState.FIN_WAIT_2, ConnectionState.CLOSE_WAIT, ConnectionState.CLOSING,
                ConnectionState.LAST_ACK, ConnectionState.TIME_WAIT));
        return s;
    }

    private static final Send SYN = new Send(Packet.SYN, SeqRef.ISS, AckRef.NONE, 0, true);
    private static final Send SYN_ACK = new Send(Packet.SYN | Packet.ACK, SeqRef.ISS, AckRef.ACCEPTABLE, 0, true);
    private static final Send ACK = new Send(Packet.ACK, SeqRef.AT_RCV_NXT, AckRef.ACCEPTABLE, 0, true);
    private static final Send FIN = new Send(Packet.FIN | Packet.ACK, SeqRef.AT_RCV_NXT, AckRef.ACCEPTABLE, 0, true);
    /** A FIN that does not acknowledge the endpoint's FIN (simultaneous close). */
    private static final Send FIN_UNA = new Send(Packet.FIN | Packet.ACK, SeqRef.AT_RCV_NXT, AckRef.UNA, 0, true);

    /** The steps that bring an endpoint of this role to the state. A server's first step is LISTEN. */
    static List<Step> setup(Role r, ConnectionState s) {
        List<Step> steps = new ArrayList<>();
        if (r == Role.SERVER) {
            steps.add(Call.LISTEN);
        }
        switch (s) {
            case CLOSED:
                if (r == Role.SERVER) {
                    steps.add(Call.CLOSE);
                }
                return steps;
            case LISTEN:
                return steps;
            case SYN_SENT:
                steps.add(Call.CONNECT);
                return steps;
            case SYN_RECEIVED:
                if (r == Role.CLIENT) {
                    steps.add(Call.CONNECT);
                }
                steps.add(SYN);
                return steps;
            default:
                break;
        }
        if (r == Role.SERVER) {
            steps.addAll(List.of(SYN, ACK, Call.ACCEPT));
        } else {
            steps.addAll(List.of(Call.CONNECT, SYN_ACK));
        }
        switch (s) {
            case FIN_WAIT_1 -> steps.add(Call.CLOSE);
            case FIN_WAIT_2 -> steps.addAll(List.of(Call.CLOSE, ACK));
            case CLOSE_WAIT -> steps.add(FIN);
            case LAST_ACK -> steps.addAll(List.of(FIN, Call.CLOSE));
            case CLOSING -> steps.addAll(List.of(Call.CLOSE, FIN_UNA));
            case TIME_WAIT -> steps.addAll(List.of(Call.CLOSE, ACK, FIN));
            default -> {
            }
        }
        return steps;
    }

    /** The kinds of incoming segment: name, control bits, octets of data. */
    private static final Object[][] KINDS = {
        {"SYN", Packet.SYN, 0}, {"SYN-ACK", Packet.SYN | Packet.ACK, 0}, {"ACK", Packet.ACK, 0},
        {"data", Packet.ACK, 1}, {"FIN", Packet.FIN, 0}, {"FIN-ACK", Packet.FIN | Packet.ACK, 0},
        {"RST", Packet.RST, 0}, {"RST-ACK", Packet.RST | Packet.ACK, 0}};

    /** Every probe for an endpoint in state {@code s}. */
    static List<Probe> probes(ConnectionState s) {
        boolean receiving = s.synchronizedState();
        boolean sent = s != ConnectionState.CLOSED && s != ConnectionState.LISTEN;
        List<SeqRef> seqs = receiving ? List.of(SeqRef.AT_RCV_NXT, SeqRef.IN_WINDOW, SeqRef.OUTSIDE)
                : List.of(SeqRef.ISS);
        List<AckRef> acks = sent ? List.of(AckRef.ACCEPTABLE, AckRef.OLD, AckRef.AHEAD) : List.of(AckRef.ANY);
        List<Probe> out = new ArrayList<>();
        for (Object[] k : KINDS) {
            int flags = (Integer) k[1];
            for (SeqRef q : seqs) {
                if ((flags & Packet.ACK) == 0) {
                    out.add(new Probe((String) k[0], flags, (Integer) k[2], q, AckRef.NONE));
                    continue;
                }
                for (AckRef a : acks) {
                    out.add(new Probe((String) k[0], flags, (Integer) k[2], q, a));
                }
            }
        }
        return out;
    }

    /** Every cell of the roles given, numbered from 0 in table order. */
    static List<Cell> cells(List<Role> roles) {
        List<Cell> out = new ArrayList<>();
        for (Role r : roles) {
            for (ConnectionState s : states(r)) {
                for (Probe p : probes(s)) {
                    out.add(new Cell(out.size(), r, s, p));
                }
            }
        }
        return out;
    }
}
