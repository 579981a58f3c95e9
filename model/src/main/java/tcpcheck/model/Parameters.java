package tcpcheck.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds and settings of a check (docs/specification.md, "Parameters"), validated: one value per {@link Parameter}, the table that
 * defines each. Build them from {@link #defaults()} with {@link #with}.
 */
public final class Parameters {
    /** The value of T that means "the variant's own TIME-WAIT". */
    public static final int VARIANTS_OWN = -1;
    /** The most connection numbers the ghost fields hold (three bits; 0 means none yet). */
    static final int MOST_CONNECTIONS = 7;

    private final int[] values;

    private Parameters(int[] values) {
        this.values = values;
        for (Parameter p : Parameter.values()) {
            if (p != Parameter.TIME_WAIT || values[p.ordinal()] != VARIANTS_OWN) {
                p.check(values[p.ordinal()]);
            }
        }
        if (isnChoices() > seqSpace()) {
            throw new IllegalArgumentException(Parameter.ISN_CHOICES.label() + " must be between 2 and "
                    + seqSpace() + ", not " + isnChoices());
        }
        if (seqSpace() % isnChoices() != 0) {
            throw new IllegalArgumentException("isn-choices (I) must divide seq-space (S) so that the initial "
                    + "sequence numbers v * S / I are whole; S = " + seqSpace() + ", I = " + isnChoices());
        }
        int openers = (aOpens().active() ? 1 : 0) + (bOpens().active() ? 1 : 0);
        if (openers * connections() > MOST_CONNECTIONS) {
            throw new IllegalArgumentException("with A and B both opening actively, connections (K) must be at most "
                    + MOST_CONNECTIONS / 2 + ", not " + connections() + " (the ghost numbers the connections of both"
                    + " in one count of at most " + MOST_CONNECTIONS + ")");
        }
    }

    /** The defaults (docs/specification.md, Parameters): K=1, D=1, L=1, Dup=1, C=4, S=8, I=2, MSL=2, RTO=2, R=2, T=2·MSL, Crash=0. */
    public static Parameters defaults() {
        int[] v = new int[Parameter.values().length];
        for (Parameter p : Parameter.values()) {
            v[p.ordinal()] = p.defaultValue();
        }
        return new Parameters(v);
    }

    /** The defaults with these values instead (stored values, see {@link Parameter#fromJson}). */
    public static Parameters of(Map<Parameter, Integer> values) {
        int[] v = defaults().values.clone();
        values.forEach((p, x) -> v[p.ordinal()] = x);
        return new Parameters(v);
    }

    /** These parameters with one value changed, validated. */
    public Parameters with(Parameter p, int value) {
        int[] v = values.clone();
        v[p.ordinal()] = value;
        return new Parameters(v);
    }

    public Parameters with(Parameter p, boolean value) {
        if (p.type() != Parameter.Type.FLAG) {
            throw new IllegalArgumentException(p.label() + " is not a flag");
        }
        return with(p, value ? 1 : 0);
    }

    public Parameters with(Parameter p, Opening value) {
        if (p.type() != Parameter.Type.OPENING) {
            throw new IllegalArgumentException(p.label() + " is not an opening");
        }
        return with(p, value.ordinal());
    }

    /** The stored value (a number; 0 or 1 for a flag; the ordinal of an opening). */
    public int get(Parameter p) {
        return values[p.ordinal()];
    }

    /** The named profile {@code incarnations}: K = 2, for the properties that need a second connection. */
    public Parameters incarnations() {
        return with(Parameter.CONNECTIONS, 2);
    }

    /** K: connections each actively opening endpoint's application opens. */
    public int connections() {
        return get(Parameter.CONNECTIONS);
    }

    /** D: data units each application writes per connection. */
    public int data() {
        return get(Parameter.DATA);
    }

    /** L: segments the network may lose. */
    public int losses() {
        return get(Parameter.LOSSES);
    }

    /** Dup: segments the network may duplicate. */
    public int duplicates() {
        return get(Parameter.DUPLICATES);
    }

    /** C: segments in flight per direction. */
    public int capacity() {
        return get(Parameter.CAPACITY);
    }

    /** S: the size of the sequence space. */
    public int seqSpace() {
        return get(Parameter.SEQ_SPACE);
    }

    /** I: the values of the ISN clock. */
    public int isnChoices() {
        return get(Parameter.ISN_CHOICES);
    }

    public int msl() {
        return get(Parameter.MSL);
    }

    public int rto() {
        return get(Parameter.RTO);
    }

    /** R: retransmissions before giving up. */
    public int retries() {
        return get(Parameter.RETRIES);
    }

    /** T as given, or {@link #VARIANTS_OWN}; {@link Variant#timeWait} resolves it. */
    public int timeWait() {
        return get(Parameter.TIME_WAIT);
    }

    /** Crash: endpoint crashes per behaviour. */
    public int crashes() {
        return get(Parameter.CRASHES);
    }

    public boolean serverClosesFirst() {
        return get(Parameter.SERVER_CLOSES_FIRST) != 0;
    }

    /** How A's application opens connections (default active). */
    public Opening aOpens() {
        return Opening.values()[get(Parameter.A_OPENS)];
    }

    /** How B's application opens connections (default passive). */
    public Opening bOpens() {
        return Opening.values()[get(Parameter.B_OPENS)];
    }

    /** Every parameter by its JSON key, typed, as reports and files print them (T resolved for the variant). */
    public Map<String, Object> describe(Variant v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            m.put(p.key(), p == Parameter.TIME_WAIT ? v.timeWait(this) : p.json(get(p)));
        }
        return m;
    }

    /** The values that differ from the defaults, by parameter (T as given). */
    public Map<Parameter, Integer> changes() {
        Map<Parameter, Integer> m = new EnumMap<>(Parameter.class);
        Parameters d = defaults();
        for (Parameter p : Parameter.values()) {
            if (get(p) != d.get(p)) {
                m.put(p, get(p));
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Parameter p : Parameter.values()) {
            b.append(b.length() == 0 ? "" : " ").append(p.key()).append('=')
                    .append(p == Parameter.TIME_WAIT && timeWait() == VARIANTS_OWN ? "variant's" : p.text(get(p)));
        }
        return b.toString();
    }
}
