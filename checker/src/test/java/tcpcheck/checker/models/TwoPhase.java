package tcpcheck.checker.models;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.PackedFields;
import tcpcheck.checker.PackedModel;

/**
 * Two-phase commit, ported to the engine's API as a user of the library would port a TLA+ specification: the
 * protocol of Gray and Lamport's "Consensus on Transaction Commit" (2006), as tlaplus/Examples models it in
 * {@code specifications/transaction_commit/TwoPhase.tla} (safety only, no fairness). A transaction manager (TM) and
 * {@code n} resource managers (RMs): an RM prepares (telling the TM) or decides to abort on its own; the TM collects
 * "prepared" messages and commits once every RM is prepared, or aborts at any time before; RMs then learn the
 * decision. Messages are a set that only grows (receiving one twice changes nothing). The TLA+ specification of the
 * same system for TLC is {@code src/test/resources/tla/TwoPhase.tla}; TLC finds 288 distinct states at n = 3 and
 * 10,340,352 at n = 9, and so does the engine.
 *
 * <p>A state is one word, its fields named once ({@link PackedFields}), so that traces print them without a
 * hand-written {@code toString}; the model is a {@link PackedModel}: the search packs a state and fingerprints its
 * word in one call.
 */
public final class TwoPhase extends PackedModel<TwoPhase.State, TwoPhase.Action> {

    /** A state: the fields of {@link #fields} in one word. */
    public record State(long word) {
    }

    /** The TLA+ actions, each for one RM where it takes one. */
    public enum Kind {
        TM_COMMIT, TM_ABORT, TM_RCV_PREPARED, RM_PREPARE, RM_CHOOSE_TO_ABORT, RM_RCV_COMMIT_MSG, RM_RCV_ABORT_MSG
    }

    public record Action(Kind kind, int rm) {
        @Override
        public String toString() {
            return kind + (rm >= 0 ? "(r" + (rm + 1) + ")" : "");
        }
    }

    static final int WORKING = 0;
    static final int PREPARED = 1;
    static final int COMMITTED = 2;
    static final int ABORTED = 3;
    static final int INIT = 0;

    private final int n;
    private final PackedFields fields;
    private final PackedFields.Field rmState;
    private final PackedFields.Field tmState;
    private final PackedFields.Field tmPrepared;
    private final PackedFields.Field preparedMsg;
    private final PackedFields.Field commitMsg;
    private final PackedFields.Field abortMsg;
    private final List<Action> all = new ArrayList<>();
    /** The bits of {@code tmPrepared} when every RM is in it, and the bits any field takes. */
    private final long everyonePrepared;
    private final long layout;

    public TwoPhase(int resourceManagers) {
        if (resourceManagers < 1 || resourceManagers > 12) {
            throw new IllegalArgumentException("1 to 12 resource managers, not " + resourceManagers);
        }
        this.n = resourceManagers;
        this.fields = PackedFields.builder()
                .values("rmState", n, "working", "prepared", "committed", "aborted")
                .values("tmState", "init", "committed", "aborted")
                .flags("tmPrepared", n)
                .flags("msgs.Prepared", n)
                .flag("msgs.Commit")
                .flag("msgs.Abort")
                .build();
        rmState = fields.field("rmState");
        tmState = fields.field("tmState");
        tmPrepared = fields.field("tmPrepared");
        preparedMsg = fields.field("msgs.Prepared");
        commitMsg = fields.field("msgs.Commit");
        abortMsg = fields.field("msgs.Abort");
        long every = 0;
        for (int rm = 0; rm < n; rm++) {
            every = PackedFields.with(every, tmPrepared, rm, 1);
        }
        everyonePrepared = every;
        layout = fields.mask(0);
        all.add(new Action(Kind.TM_COMMIT, -1));
        all.add(new Action(Kind.TM_ABORT, -1));
        for (int rm = 0; rm < n; rm++) {
            for (Kind k : Kind.values()) {
                if (k != Kind.TM_COMMIT && k != Kind.TM_ABORT) {
                    all.add(new Action(k, rm));
                }
            }
        }
    }

    public int resourceManagers() {
        return n;
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(0));
    }

    @Override
    public void actions(State s, List<Action> actions) {
        actions.addAll(all);
    }

    long get(State s, PackedFields.Field f, int i) {
        return PackedFields.get(s.word(), f, i);
    }

    private State with(State s, PackedFields.Field f, int i, long v) {
        return new State(PackedFields.with(s.word(), f, i, v));
    }

    @Override
    public State nextState(State s, Action a) {
        boolean tmInit = get(s, tmState, 0) == INIT;
        int rm = a.rm();
        switch (a.kind()) {
            case TM_RCV_PREPARED:
                return tmInit && get(s, preparedMsg, rm) == 1 ? with(s, tmPrepared, rm, 1) : null;
            case TM_COMMIT:
                return tmInit && (s.word() & everyonePrepared) == everyonePrepared
                        ? with(with(s, tmState, 0, 1), commitMsg, 0, 1) : null;
            case TM_ABORT:
                return tmInit ? with(with(s, tmState, 0, 2), abortMsg, 0, 1) : null;
            case RM_PREPARE:
                return get(s, rmState, rm) == WORKING ? with(with(s, rmState, rm, PREPARED), preparedMsg, rm, 1) : null;
            case RM_CHOOSE_TO_ABORT:
                return get(s, rmState, rm) == WORKING ? with(s, rmState, rm, ABORTED) : null;
            case RM_RCV_COMMIT_MSG:
                return get(s, commitMsg, 0) == 1 ? with(s, rmState, rm, COMMITTED) : null;
            default:
                return get(s, abortMsg, 0) == 1 ? with(s, rmState, rm, ABORTED) : null;
        }
    }

    /** TLA+'s TPTypeOK: the TM's state is one of its three, and no bit lies outside the fields. */
    public boolean typeOK(State s) {
        return get(s, tmState, 0) <= 2 && (s.word() & ~layout) == 0;
    }

    /** No RM has committed while another has aborted (TCommit's TCConsistent, which TwoPhase implements). */
    public boolean consistent(State s) {
        boolean committed = false;
        boolean aborted = false;
        for (int rm = 0; rm < n; rm++) {
            long r = get(s, rmState, rm);
            committed |= r == COMMITTED;
            aborted |= r == ABORTED;
        }
        return !(committed && aborted);
    }

    @Override
    public int words() {
        return 1;
    }

    @Override
    public void pack(State s, long[] to, int at) {
        to[at] = s.word();
    }

    @Override
    public State unpack(long[] from, int at) {
        return new State(from[at]);
    }

    @Override
    public String describe(long[] from, int at) {
        return fields.describe(from, at);
    }
}
