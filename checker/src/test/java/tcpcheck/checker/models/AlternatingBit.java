package tcpcheck.checker.models;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * The alternating-bit protocol over two FIFO channels that lose and duplicate messages.
 *
 * <p>The sender sends messages 0 .. M-1. It keeps sending {@code (bit, msg)} for its current message until an
 * acknowledgement carrying its bit arrives; then it flips its bit and moves to the next message. The receiver
 * delivers a data message whose bit is the one it expects (and flips the expected bit), and acknowledges every data
 * message with that message's bit. Each channel holds at most {@code capacity} messages; the channel may lose any
 * message and duplicate its head. A send into a full channel is not enabled.
 *
 * <p>The seeded bug ({@code buggy = true}): the receiver ignores the bit and delivers every data message, so a
 * duplicated or retransmitted message is delivered twice.
 *
 * <p>Encoding of a data message: {@code bit * M + msg}; of an acknowledgement: its bit.
 */
public final class AlternatingBit implements Model<AlternatingBit.State, AlternatingBit.Action> {
    private final int messages;
    private final int capacity;
    private final boolean buggy;

    public AlternatingBit(int messages, int capacity, boolean buggy) {
        this.messages = messages;
        this.capacity = capacity;
        this.buggy = buggy;
    }

    /**
     * @param sent the sender's current message (M when done)
     * @param delivered messages delivered to the receiving application, in order
     * @param wrong whether some delivery was out of order or a duplicate
     */
    public record State(int sbit, int sent, int rbit, int delivered, boolean wrong, List<Integer> data,
                        List<Integer> acks) {
    }

    public enum Kind { SEND, DELIVER_DATA, DELIVER_ACK, LOSE_DATA, LOSE_ACK, DUP_DATA, DUP_ACK }

    public record Action(Kind kind, int index) {
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(0, 0, 0, 0, false, List.of(), List.of()));
    }

    @Override
    public void actions(State s, List<Action> actions) {
        actions.add(new Action(Kind.SEND, 0));
        actions.add(new Action(Kind.DELIVER_DATA, 0));
        actions.add(new Action(Kind.DELIVER_ACK, 0));
        for (int i = 0; i < s.data.size(); i++) {
            actions.add(new Action(Kind.LOSE_DATA, i));
        }
        for (int i = 0; i < s.acks.size(); i++) {
            actions.add(new Action(Kind.LOSE_ACK, i));
        }
        actions.add(new Action(Kind.DUP_DATA, 0));
        actions.add(new Action(Kind.DUP_ACK, 0));
    }

    private static List<Integer> append(List<Integer> q, int m) {
        List<Integer> out = new ArrayList<>(q);
        out.add(m);
        return List.copyOf(out);
    }

    private static List<Integer> remove(List<Integer> q, int i) {
        List<Integer> out = new ArrayList<>(q);
        out.remove(i);
        return List.copyOf(out);
    }

    @Override
    public State nextState(State s, Action a) {
        switch (a.kind()) {
            case SEND:
                if (s.sent == messages || s.data.size() == capacity) {
                    return null;
                }
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong,
                        append(s.data, s.sbit * messages + s.sent), s.acks);
            case DELIVER_DATA: {
                if (s.data.isEmpty()) {
                    return null;
                }
                int m = s.data.get(0);
                int bit = m / messages;
                int msg = m % messages;
                List<Integer> acks = s.acks.size() < capacity ? append(s.acks, bit) : s.acks;
                if (buggy || bit == s.rbit) {
                    boolean wrong = s.wrong || msg != s.delivered;
                    return new State(s.sbit, s.sent, 1 - s.rbit, s.delivered + 1 > messages ? messages
                            : s.delivered + 1, wrong, remove(s.data, 0), acks);
                }
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, remove(s.data, 0), acks);
            }
            case DELIVER_ACK: {
                if (s.acks.isEmpty()) {
                    return null;
                }
                int bit = s.acks.get(0);
                if (bit == s.sbit && s.sent < messages) {
                    return new State(1 - s.sbit, s.sent + 1, s.rbit, s.delivered, s.wrong, s.data,
                            remove(s.acks, 0));
                }
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, s.data, remove(s.acks, 0));
            }
            case LOSE_DATA:
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, remove(s.data, a.index()), s.acks);
            case LOSE_ACK:
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, s.data, remove(s.acks, a.index()));
            case DUP_DATA:
                if (s.data.isEmpty() || s.data.size() == capacity) {
                    return null;
                }
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, dupHead(s.data), s.acks);
            default:
                if (s.acks.isEmpty() || s.acks.size() == capacity) {
                    return null;
                }
                return new State(s.sbit, s.sent, s.rbit, s.delivered, s.wrong, s.data, dupHead(s.acks));
        }
    }

    private static List<Integer> dupHead(List<Integer> q) {
        List<Integer> out = new ArrayList<>(q);
        out.add(0, q.get(0));
        return List.copyOf(out);
    }

    @Override
    public long fingerprint(State s) {
        Fingerprint f = new Fingerprint().add(s.sbit).add(s.sent).add(s.rbit).add(s.delivered).add(s.wrong);
        f.add(s.data.size());
        s.data.forEach(f::add);
        f.add(s.acks.size());
        s.acks.forEach(f::add);
        return f.value();
    }

    /** Every message delivered so far was delivered once, in order. */
    public static boolean inOrder(State s) {
        return !s.wrong;
    }
}
