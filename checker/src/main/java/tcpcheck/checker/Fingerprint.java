package tcpcheck.checker;

/**
 * A 64-bit hash of a state's compact encoding. Feed it the words that encode the state, in a fixed order, and
 * take {@link #value()}. The mixing is a multiply–rotate over each word with a final avalanche, so that
 * states differing in one bit get unrelated fingerprints.
 */
public final class Fingerprint {
    private static final long SEED = 0x243F6A8885A308D3L;
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;

    private long h = SEED;
    private int words;

    public Fingerprint add(long word) {
        h = Long.rotateLeft(h ^ (word * M2), 31) * M1;
        words++;
        return this;
    }

    public Fingerprint add(int word) {
        return add((long) word);
    }

    public Fingerprint add(boolean b) {
        return add(b ? 1L : 0L);
    }

    public Fingerprint add(long[] ws) {
        add(ws.length);
        for (long w : ws) {
            add(w);
        }
        return this;
    }

    public Fingerprint add(int[] ws) {
        add(ws.length);
        for (int w : ws) {
            add(w);
        }
        return this;
    }

    public long value() {
        return avalanche(h ^ words);
    }

    /** The fingerprint of a sequence of words. */
    public static long of(long... ws) {
        Fingerprint f = new Fingerprint();
        for (long w : ws) {
            f.add(w);
        }
        return f.value();
    }

    /**
     * The fingerprint of {@code n} words from {@code words[at]}: the same as {@link #of} of those words, and what a
     * {@link StatePacking} that {@linkplain StatePacking#fingerprintsWords fingerprints its words} gives.
     */
    public static long ofWords(long[] words, int at, int n) {
        long h = SEED;
        for (int i = at; i < at + n; i++) {
            h = Long.rotateLeft(h ^ (words[i] * M2), 31) * M1;
        }
        return avalanche(h ^ n);
    }

    /** The fingerprint of an int array (its length is part of the hash). */
    public static long ofInts(int[] ws) {
        return new Fingerprint().add(ws).value();
    }

    /** The finalizer of SplitMix64 (a bijection on 64-bit words). */
    public static long avalanche(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
