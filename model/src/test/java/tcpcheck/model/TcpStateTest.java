package tcpcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packed encoding of {@link TcpState}: every field survives packing at the limits {@link Parameters} admits. */
class TcpStateTest {

    /** Every field at the largest value the parameters allow (S = 256, I = 256, D = K = 7, RTO = R = 15, T = 31). */
    private static Host largest() {
        Tcb t = new Tcb(ConnectionState.TIME_WAIT, 255, 254, 253, 252, 251, 7, 6, true, true, 15, 15, 31);
        return new Host(t, new Application(7, true, 7, true, 7, true), 255, 7, true, 7);
    }

    /** Timers off, no ISN chosen yet, everything else zero. */
    private static Host smallest() {
        return new Host(Tcb.closed(), Application.idle(), -1, 0, false);
    }

    @Test
    void everyFieldSurvivesPackingAtItsLimits() {
        for (Host a : List.of(largest(), smallest())) {
            for (Host b : List.of(largest(), smallest())) {
                TcpState s = new TcpState(a, b, Network.empty(), 15, 15, 3, true, true);
                assertEquals(a, s.a());
                assertEquals(b, s.b());
                assertEquals(a.tcb(), s.tcb(TcpModel.A));
                assertEquals(b.state(), s.state(TcpModel.B));
                assertEquals(15, s.lossesUsed());
                assertEquals(15, s.duplicatesUsed());
                assertEquals(3, s.crashesUsed());
                assertTrue(s.aborted());
                assertTrue(s.atBoundary());
            }
        }
        TcpState plain = new TcpState(smallest(), smallest(), Network.empty(), 0, 0, 0, false, false);
        assertFalse(plain.aborted());
        assertFalse(plain.atBoundary());
        assertEquals(0, plain.lossesUsed());
    }

    /** Changing any one field gives a different state, with a different fingerprint. */
    @Test
    void eachFieldCounts() {
        Host h = largest();
        Tcb t = h.tcb();
        Application p = h.app();
        List<Host> variants = new ArrayList<>();
        variants.add(h);
        variants.add(h.with(t.withState(ConnectionState.CLOSING)));
        variants.add(h.with(t.withSendVariables(0, t.sndUna(), t.sndNxt())));
        variants.add(h.with(t.withSendVariables(t.iss(), 0, t.sndNxt())));
        variants.add(h.with(t.withSendVariables(t.iss(), t.sndUna(), 0)));
        variants.add(h.with(t.withReceive(0, t.rcvNxt())));
        variants.add(h.with(t.withReceive(t.irs(), 0)));
        variants.add(h.with(t.withQueue(0, t.dataSent(), true, true)));
        variants.add(h.with(t.withQueue(t.queued(), 0, true, true)));
        variants.add(h.with(t.withQueue(t.queued(), t.dataSent(), false, true)));
        variants.add(h.with(t.withQueue(t.queued(), t.dataSent(), true, false)));
        variants.add(h.with(t.withRetransmission(Tcb.OFF, t.retries())));
        variants.add(h.with(t.withRetransmission(0, t.retries())));
        variants.add(h.with(t.withRetransmission(t.retransmitTimer(), 0)));
        variants.add(h.with(t.withTimeWaitTimer(Tcb.OFF)));
        variants.add(h.with(t.withTimeWaitTimer(0)));
        variants.add(h.with(new Application(6, true, 7, true, 7, true)));
        variants.add(h.with(p.detach()));
        variants.add(h.with(new Application(7, true, 6, true, 7, true)));
        variants.add(h.with(new Application(7, true, 7, false, 7, true)));
        variants.add(h.with(new Application(7, true, 7, true, 6, true)));
        variants.add(h.with(new Application(7, true, 7, true, 7, false)));
        variants.add(h.withIsnChoice(-1));
        variants.add(h.withIsnChoice(0));
        variants.add(h.withConnection(6, true));
        variants.add(h.withConnection(7, false));
        variants.add(h.merging(7, 6));
        Set<TcpState> states = new HashSet<>();
        Set<Long> fingerprints = new HashSet<>();
        for (Host v : variants) {
            for (int e = TcpModel.A; e <= TcpModel.B; e++) {
                TcpState s = e == TcpModel.A ? new TcpState(v, smallest(), Network.empty(), 1, 1, 1, false, false)
                        : new TcpState(smallest(), v, Network.empty(), 1, 1, 1, false, false);
                assertEquals(v, s.host(e));
                states.add(s);
                fingerprints.add(s.fingerprint());
            }
        }
        TcpState base = new TcpState(h, h, Network.empty(), 1, 1, 1, false, false);
        List<TcpState> others = List.of(base.withBudgets(2, 1, 1, false), base.withBudgets(1, 2, 1, false),
                base.withBudgets(1, 1, 2, false), base.withBudgets(1, 1, 1, true), base.reachBoundary(),
                base.withNetwork(Network.empty().add(Network.TO_B, Network.pack(Segment.syn(3), new Stamp(1, -1)))));
        states.add(base);
        fingerprints.add(base.fingerprint());
        for (TcpState o : others) {
            assertNotEquals(base, o);
            states.add(o);
            fingerprints.add(o.fingerprint());
        }
        int expected = 2 * variants.size() + 1 + others.size();
        assertEquals(expected, states.size());
        assertEquals(expected, fingerprints.size());
    }

    /**
     * The search's packing (five words and C more) gives back the same state with the same fingerprint: at the limits
     * (C = 16 segments each way, every field of a segment set) and for every state the default rfc9293-rfc1337 check reaches
     * within 14 steps. Words around the packed state are left alone.
     */
    @Test
    void packingRoundTrips() {
        int[] full = new int[16];
        for (int i = 0; i < full.length; i++) {
            full[i] = Network.pack(new Segment(true, true, true, true, 255, 255 - i, true), new Stamp(7, 7))
                    + (15 << 27);
        }
        java.util.Arrays.sort(full);
        List<TcpState> states = new ArrayList<>();
        states.add(new TcpState(largest(), largest(), Network.of(full, full.clone()), 15, 15, 3, true, true));
        states.add(new TcpState(smallest(), largest(), Network.of(new int[0], full.clone()), 0, 0, 0, false, false));
        TcpModel model = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        Set<TcpState> seen = new HashSet<>(model.initialStates());
        List<TcpState> level = new ArrayList<>(seen);
        for (int depth = 0; depth < 14; depth++) {
            List<TcpState> next = new ArrayList<>();
            for (TcpState s : level) {
                for (var step : model.successors(s)) {
                    if (seen.add(step.state())) {
                        next.add(step.state());
                    }
                }
            }
            level = next;
        }
        assertTrue(seen.size() > 10_000, "states " + seen.size());
        states.addAll(seen);
        var wide = TcpState.packing(16);
        var narrow = model.packing();
        assertEquals(9, narrow.words());
        long[] words = new long[3 + wide.words() + 3];
        for (TcpState s : states) {
            java.util.Arrays.fill(words, -1L);
            wide.pack(s, words, 3);
            assertEquals(-1L, words[2]);
            assertEquals(-1L, words[3 + wide.words()]);
            TcpState back = wide.unpack(words, 3);
            assertEquals(s, back);
            assertEquals(s.fingerprint(), back.fingerprint());
            if (s.network().size(Network.TO_A) <= 4 && s.network().size(Network.TO_B) <= 4) {
                narrow.pack(s, words, 1);
                assertEquals(s, narrow.unpack(words, 1));
            }
        }
    }

    /** The timers read from the packed words, and a tick's count-down on them, agree with the TCB's view. */
    @Test
    void ticksCountDownRunningTimersOnly() {
        int[] values = {Tcb.OFF, 0, 1, 2, 15};
        for (int r : values) {
            for (int w : values) {
                Tcb t = new Tcb(ConnectionState.ESTABLISHED, 1, 2, 3, 4, 5, 0, 0, false, false, r, 3, w);
                Host h = new Host(t, Application.idle(), 0, 1, true);
                TcpState s = new TcpState(h, smallest(), Network.empty(), 0, 0, 0, false, false);
                assertEquals(r, s.retransmitTimer(TcpModel.A));
                assertEquals(w, s.timeWaitTimer(TcpModel.A));
                assertEquals(Tcb.OFF, s.retransmitTimer(TcpModel.B));
                TcpState u = s.ticked();
                Tcb expected = t.withRetransmission(r > 0 ? r - 1 : r, 3).withTimeWaitTimer(w > 0 ? w - 1 : w);
                assertEquals(h.with(expected), u.a());
                assertEquals(s.b(), u.b());
            }
        }
    }

    @Test
    void aValueOutsideItsFieldIsRefused() {
        Tcb t = new Tcb(ConnectionState.ESTABLISHED, 0, 0, 0, 0, 0, 8, 0, false, false, Tcb.OFF, 0, Tcb.OFF);
        Host h = new Host(t, Application.idle(), -1, 0, false);
        assertThrows(IllegalStateException.class,
                () -> new TcpState(h, smallest(), Network.empty(), 0, 0, 0, false, false));
        assertThrows(IllegalStateException.class,
                () -> new TcpState(smallest(), smallest(), Network.empty(), 16, 0, 0, false, false));
    }
}
