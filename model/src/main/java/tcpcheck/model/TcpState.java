package tcpcheck.model;

import tcpcheck.checker.Fingerprint;

/**
 * A state of the whole system: the two endpoints, the network, what the adversary has used of its budgets, and two
 * ghost flags: whether an endpoint has given up or crashed in this behaviour (an abort), and whether the behaviour
 * has reached the network's capacity bound (SPEC section 3: such a state is checked, not explored).
 */
public record TcpState(Host a, Host b, Network network, int lossesUsed, int duplicatesUsed, int crashesUsed,
                       boolean aborted, boolean atBoundary) {

    public Host host(int endpoint) {
        return endpoint == TcpModel.A ? a : b;
    }

    TcpState withHost(int endpoint, Host h) {
        return endpoint == TcpModel.A ? new TcpState(h, b, network, lossesUsed, duplicatesUsed, crashesUsed, aborted,
                atBoundary) : new TcpState(a, h, network, lossesUsed, duplicatesUsed, crashesUsed, aborted, atBoundary);
    }

    TcpState withNetwork(Network n) {
        return new TcpState(a, b, n, lossesUsed, duplicatesUsed, crashesUsed, aborted, atBoundary);
    }

    TcpState withBudgets(int losses, int dups, int crashes, boolean isAborted) {
        return new TcpState(a, b, network, losses, dups, crashes, isAborted, atBoundary);
    }

    TcpState reachBoundary() {
        return new TcpState(a, b, network, lossesUsed, duplicatesUsed, crashesUsed, aborted, true);
    }

    /**
     * The state's fingerprint over its compact encoding: every TCB field, every application field, the ISN clocks,
     * the ghost fields, the two sorted arrays of packed segments, the budgets and the flags.
     */
    long fingerprint() {
        Fingerprint f = new Fingerprint();
        host(f, a);
        host(f, b);
        network.fingerprint(f);
        f.add(lossesUsed | duplicatesUsed << 8 | crashesUsed << 16 | (aborted ? 1 << 24 : 0)
                | (atBoundary ? 1 << 25 : 0));
        return f.value();
    }

    private static void host(Fingerprint f, Host h) {
        Tcb t = h.tcb();
        f.add((long) t.state().ordinal() | (long) t.iss() << 8 | (long) t.irs() << 16 | (long) t.sndUna() << 24
                | (long) t.sndNxt() << 32 | (long) t.rcvNxt() << 40 | (long) t.queued() << 48
                | (long) t.dataSent() << 52 | (t.finQueued() ? 1L << 56 : 0) | (t.finSent() ? 1L << 57 : 0));
        f.add((t.retransmitTimer() + 1) | t.retries() << 8 | (t.timeWaitTimer() + 1) << 16
                | (h.lastIsnChoice() + 1) << 24);
        Application ap = h.app();
        f.add(ap.opens() | (ap.attached() ? 1 << 4 : 0) | ap.written() << 5 | (ap.closed() ? 1 << 9 : 0)
                | ap.delivered() << 10 | (ap.endOfStream() ? 1 << 14 : 0) | h.connection() << 16
                | (h.seen() ? 1 << 20 : 0));
    }

    @Override
    public String toString() {
        return "A: " + a + " | B: " + b + " | " + network + (aborted ? " | aborted" : "")
                + (atBoundary ? " | AT BOUNDARY" : "");
    }
}
