package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Violation;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * Verifies a {@link Claim} against a trace, reading the trace directly (actions, states, the packed segments and
 * their ages), never the {@link Timeline} or the {@link Narrator} that made the claim.
 */
public final class ClaimCheck {
    private final TcpModel model;
    private final Trace<TcpState, Action> trace;

    public ClaimCheck(TcpModel model, Trace<TcpState, Action> trace) {
        this.model = model;
        this.trace = trace;
    }

    /** The claims that do not hold, each with the reason (empty when every claim holds). */
    public List<String> failures(List<Claim> claims) {
        List<String> out = new ArrayList<>();
        for (Claim c : claims) {
            String why = verify(c);
            if (why != null) {
                out.add(c + ": " + why);
            }
        }
        return out;
    }

    private TcpState state(int i) {
        return trace.steps().get(i).state();
    }

    private Action action(int i) {
        return trace.steps().get(i).action();
    }

    private static int base(int packet) {
        return packet & ~(0xF << 27);
    }

    private int ticks(int from, int to) {
        int n = 0;
        for (int i = from + 1; i <= to; i++) {
            if (action(i).kind() == Action.Kind.TICK) {
                n++;
            }
        }
        return n;
    }

    private static int count(int[] packets, int p) {
        int n = 0;
        for (int x : packets) {
            n += x == p ? 1 : 0;
        }
        return n;
    }

    /** Null when the claim holds, else why not. */
    public String verify(Claim c) {
        int n = trace.length();
        if (c.step() < 0 || c.step() > n) {
            return "no step " + c.step() + " in a trace of " + n;
        }
        if (c instanceof Claim.Opened o) {
            Action a = action(o.step());
            return a.kind() == Action.Kind.OPEN && state(o.step()).a().connection() == o.connection() ? null
                    : "step is not A opening connection " + o.connection();
        }
        if (c instanceof Claim.Sent s) {
            return sent(s.step(), s.from(), s.packet()) ? null : "no such segment enters the network there";
        }
        if (c instanceof Claim.Retransmitted r) {
            Action a = action(r.step());
            boolean ok = a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT && a.endpoint() == r.endpoint()
                    && state(r.step()).network().size(1 - r.endpoint())
                    > state(r.step() - 1).network().size(1 - r.endpoint());
            return ok ? null : "not a retransmission by that endpoint";
        }
        if (c instanceof Claim.Duplicated d) {
            Action a = action(d.step());
            return a.kind() == Action.Kind.DUPLICATE && a.packet() == d.packet() ? null
                    : "the network does not duplicate that segment there";
        }
        if (c instanceof Claim.Lost l) {
            Action a = action(l.step());
            return a.kind() == Action.Kind.LOSE && a.packet() == l.packet() ? null
                    : "the network does not lose that segment there";
        }
        if (c instanceof Claim.Delivered d) {
            Action a = action(d.step());
            return a.kind() == Action.Kind.DELIVER && a.endpoint() == d.to() && a.packet() == d.packet() ? null
                    : "that segment (with that age and connection) is not delivered there";
        }
        if (c instanceof Claim.SentAt s) {
            Action a = action(s.step());
            if (!a.isNetwork() || s.sentStep() >= s.step() || s.sentStep() < 1) {
                return "no network action, or sent after";
            }
            if (!sent(s.sentStep(), 1 - a.endpoint(), base(a.packet()))) {
                return "the segment was not sent at step " + s.sentStep();
            }
            return Network.age(a.packet()) == ticks(s.sentStep(), s.step()) ? null
                    : "its age " + Network.age(a.packet()) + " is not the " + ticks(s.sentStep(), s.step())
                    + " ticks since step " + s.sentStep();
        }
        if (c instanceof Claim.DuplicateOf d) {
            Action a = action(d.step());
            if (!a.isNetwork() || d.duplicatedAt() >= d.step() || d.duplicatedAt() < 1) {
                return "no network action, or duplicated after";
            }
            Action dup = action(d.duplicatedAt());
            boolean ok = dup.kind() == Action.Kind.DUPLICATE && dup.endpoint() == a.endpoint()
                    && base(dup.packet()) == base(a.packet())
                    && Network.age(dup.packet()) + ticks(d.duplicatedAt(), d.step()) == Network.age(a.packet());
            return ok ? null : "step " + d.duplicatedAt() + " does not duplicate this segment";
        }
        if (c instanceof Claim.Old o) {
            Action a = action(o.step());
            if (a.kind() != Action.Kind.DELIVER || o.sentStep() >= o.step()) {
                return "not a delivery after the send";
            }
            int e = a.endpoint();
            for (int i = o.sentStep(); i < o.step() - 1; i++) {
                if (state(i).state(e).idle() != state(i + 1).state(e).idle()) {
                    return null;
                }
            }
            return "the receiver neither started nor ended a connection since step " + o.sentStep();
        }
        if (c instanceof Claim.TicksBetween t) {
            return t.from() <= t.step() && ticks(t.from(), t.step()) == t.ticks() ? null
                    : ticks(t.from(), t.step()) + " ticks pass, not " + t.ticks();
        }
        if (c instanceof Claim.Entered e) {
            return e.step() >= 1 && state(e.step() - 1).state(e.endpoint()) != e.state()
                    && state(e.step()).state(e.endpoint()) == e.state() ? null : "does not enter " + e.state();
        }
        if (c instanceof Claim.InState s) {
            return state(s.step()).state(s.endpoint()) == s.state() ? null
                    : "is in " + state(s.step()).state(s.endpoint());
        }
        if (c instanceof Claim.TimerRanOut t) {
            Action a = action(t.step());
            TcpState before = state(t.step() - 1);
            boolean kind = t.timer() == Claim.Timer.TIME_WAIT
                    ? a.kind() == Action.Kind.TIME_WAIT_TIMEOUT && before.timeWaitTimer(t.endpoint()) == 0
                    : a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT && before.retransmitTimer(t.endpoint()) == 0;
            int length = t.timer() == Claim.Timer.TIME_WAIT ? model.timeWait() : model.parameters().rto();
            return kind && a.endpoint() == t.endpoint() && length == t.ticks() ? null
                    : "not that timer running out after " + t.ticks() + " ticks";
        }
        if (c instanceof Claim.GaveUp g) {
            Action a = action(g.step());
            return a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT && a.endpoint() == g.endpoint()
                    && state(g.step()).aborted() && state(g.step()).state(g.endpoint()).idle() ? null
                    : "no give-up there";
        }
        if (c instanceof Claim.Crashed k) {
            Action a = action(k.step());
            return a.kind() == Action.Kind.CRASH && a.endpoint() == k.endpoint() ? null : "no crash there";
        }
        if (c instanceof Claim.ConnectionOver o) {
            return o.step() >= 1 && !Ghost.over(state(o.step() - 1), o.connection())
                    && Ghost.over(state(o.step()), o.connection()) ? null
                    : "connection " + o.connection() + " does not become over there";
        }
        if (c instanceof Claim.Rule r) {
            Action a = action(r.step());
            if (a.kind() != Action.Kind.DELIVER) {
                return "not an arrival";
            }
            RfcRule rule = new RfcRule(r.section(), r.rfcStep());
            return rule.fits(a.segment(), state(r.step() - 1).state(a.endpoint())) ? null
                    : rule.cite(Lang.EN) + " does not apply to " + a.segment() + " in "
                    + state(r.step() - 1).state(a.endpoint());
        }
        if (c instanceof Claim.Reset r) {
            Action a = action(r.step());
            boolean ok = a.kind() == Action.Kind.DELIVER && a.endpoint() == r.endpoint() && a.segment().rst()
                    && !state(r.step() - 1).state(r.endpoint()).idle() && state(r.step()).state(r.endpoint()).idle();
            return ok ? null : "no reset of that endpoint there";
        }
        if (c instanceof Claim.UnitsDelivered u) {
            int got = state(u.step()).host(u.endpoint()).app().delivered();
            return got == u.units() ? null : got + " units delivered";
        }
        if (c instanceof Claim.UnitsWritten u) {
            int got = state(u.step()).host(u.endpoint()).app().written();
            return got == u.units() ? null : got + " units written";
        }
        if (c instanceof Claim.ReadsEndOfStream r) {
            boolean ok = r.step() >= 1 && state(r.step()).host(r.endpoint()).app().endOfStream()
                    && !(state(r.step() - 1).host(r.endpoint()).app().endOfStream()
                    && state(r.step() - 1).host(r.endpoint()).app().attached());
            return ok ? null : "does not read end of stream there";
        }
        if (c instanceof Claim.Violated v) {
            if (v.step() != n) {
                return "the trace ends at step " + n;
            }
            TcpProperty p = TcpProperties.named(v.property(), model);
            for (Property<TcpState, Action> part : concat(p.verdict(), p.afterAbort())) {
                if (part.name().equals(v.part())) {
                    String why = Violation.check(model, part, trace);
                    return why == null ? null : "not violated: " + why;
                }
            }
            return "no part " + v.part();
        }
        if (c instanceof Claim.NoActionEnabled x) {
            return model.terminal(state(x.step())) ? null : "an action is enabled";
        }
        if (c instanceof Claim.Cycle y) {
            return trace.isLasso() && trace.loopStart() == y.loopStart() && y.step() == n ? null : "no such cycle";
        }
        return "unknown claim";
    }

    /** Whether at step i endpoint {@code from} puts a copy of {@code base} (age 0) into the network. */
    private boolean sent(int i, int from, int basePacket) {
        if (i < 1) {
            return false;
        }
        int dest = 1 - from;
        Action a = action(i);
        if (a.kind() == Action.Kind.DUPLICATE || a.kind() == Action.Kind.TICK) {
            return false;
        }
        int before = count(state(i - 1).network().toward(dest), basePacket);
        int after = count(state(i).network().toward(dest), basePacket);
        if (a.isNetwork() && a.endpoint() == dest && a.packet() == basePacket) {
            before--;
        }
        return after > before;
    }

    private static List<Property<TcpState, Action>> concat(List<Property<TcpState, Action>> a,
                                                           List<Property<TcpState, Action>> b) {
        List<Property<TcpState, Action>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
