package tcpcheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named bit fields in a state's packed words, so that a packed state reads as its fields in traces
 * ({@link #describe}) without a hand-written {@code toString}, and so that a model reads and writes its fields by
 * name once, here. A field is a number of a given width, one of named values, a flag, or an array of them; fields
 * are laid out in the order declared, each in one word (a field that does not fit in what is left of a word starts
 * the next).
 *
 * <pre>{@code
 * PackedFields f = PackedFields.builder()
 *         .values("tmState", "init", "committed", "aborted")
 *         .values("rmState", 3, "working", "prepared", "committed", "aborted")
 *         .flags("tmPrepared", 3)
 *         .build();
 * f.describe(words, 0)  // "tmState=init rmState=[working, prepared, working] tmPrepared={1}"
 * }</pre>
 */
public final class PackedFields {

    /** One field (of {@code count} elements, each {@code bits} wide): where it lies, and how it prints. */
    public static final class Field {
        final String name;
        final int word;
        final int shift;
        final int bits;
        final int count;
        final String[] values;
        final boolean flags;

        private Field(String name, int word, int shift, int bits, int count, String[] values, boolean flags) {
            this.name = name;
            this.word = word;
            this.shift = shift;
            this.bits = bits;
            this.count = count;
            this.values = values;
            this.flags = flags;
        }

        public String name() {
            return name;
        }

        /** Elements (1 for a single value). */
        public int count() {
            return count;
        }

        private long mask() {
            return bits == 64 ? -1L : (1L << bits) - 1;
        }
    }

    private final List<Field> fields;
    private final Map<String, Field> byName = new LinkedHashMap<>();
    private final int words;

    private PackedFields(List<Field> fields, int words) {
        this.fields = List.copyOf(fields);
        for (Field f : fields) {
            byName.put(f.name, f);
        }
        this.words = words;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declares the fields in order. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private int word;
        private int used;

        private Builder add(String name, int bits, int count, String[] values, boolean flags) {
            if (bits < 1 || bits > 64 || count < 1 || (long) bits * count > 64) {
                throw new IllegalArgumentException("field " + name + ": " + count + " × " + bits
                        + " bits do not fit in a word");
            }
            for (Field f : fields) {
                if (f.name.equals(name)) {
                    throw new IllegalArgumentException("two fields named " + name);
                }
            }
            if (used + bits * count > 64) {
                word++;
                used = 0;
            }
            fields.add(new Field(name, word, used, bits, count, values, flags));
            used += bits * count;
            return this;
        }

        /** A number of {@code bits} bits (unsigned). */
        public Builder number(String name, int bits) {
            return add(name, bits, 1, null, false);
        }

        /** An array of {@code count} numbers of {@code bits} bits. */
        public Builder numbers(String name, int count, int bits) {
            return add(name, bits, count, null, false);
        }

        /** One of the named values, stored as its index. */
        public Builder values(String name, String... values) {
            return add(name, bitsFor(values.length), 1, values.clone(), false);
        }

        /** An array of {@code count} named values. */
        public Builder values(String name, int count, String... values) {
            return add(name, bitsFor(values.length), count, values.clone(), false);
        }

        /** A flag (printed true or false). */
        public Builder flag(String name) {
            return add(name, 1, 1, null, false);
        }

        /** A set of element numbers 0 to {@code count - 1}, one bit each (printed as the set of those present). */
        public Builder flags(String name, int count) {
            return add(name, 1, count, null, true);
        }

        public PackedFields build() {
            return new PackedFields(fields, fields.isEmpty() ? 0 : word + 1);
        }

        private static int bitsFor(int values) {
            if (values < 1) {
                throw new IllegalArgumentException("no values");
            }
            return Math.max(1, 32 - Integer.numberOfLeadingZeros(values - 1));
        }
    }

    /** The words the fields take. */
    public int words() {
        return words;
    }

    /** The bits of word {@code w} that some field takes. */
    public long mask(int w) {
        long m = 0;
        for (Field f : fields) {
            if (f.word == w) {
                for (int i = 0; i < f.count; i++) {
                    m |= f.mask() << (f.shift + i * f.bits);
                }
            }
        }
        return m;
    }

    public Field field(String name) {
        Field f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field named " + name);
        }
        return f;
    }

    /** Element {@code index} of field {@code f} of the state packed at {@code w[at]}. */
    public static long get(long[] w, int at, Field f, int index) {
        return w[at + f.word] >>> (f.shift + index * f.bits) & f.mask();
    }

    /** Sets element {@code index} of field {@code f} of the state packed at {@code w[at]}. */
    public static void set(long[] w, int at, Field f, int index, long value) {
        if ((value & ~f.mask()) != 0) {
            throw new IllegalArgumentException(value + " does not fit in field " + f.name);
        }
        int shift = f.shift + index * f.bits;
        w[at + f.word] = w[at + f.word] & ~(f.mask() << shift) | value << shift;
    }

    /** Element {@code index} of field {@code f} in a one-word state. */
    public static long get(long word, Field f, int index) {
        return word >>> (f.shift + index * f.bits) & f.mask();
    }

    /** A one-word state with element {@code index} of field {@code f} set to {@code value}. */
    public static long with(long word, Field f, int index, long value) {
        if ((value & ~f.mask()) != 0) {
            throw new IllegalArgumentException(value + " does not fit in field " + f.name);
        }
        int shift = f.shift + index * f.bits;
        return word & ~(f.mask() << shift) | value << shift;
    }

    /** The fields of the state packed at {@code w[at]}, by name: "name=value name=[a, b] flags={0, 2}". */
    public String describe(long[] w, int at) {
        StringBuilder b = new StringBuilder();
        for (Field f : fields) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(f.name).append('=');
            if (f.flags) {
                List<Integer> present = new ArrayList<>();
                for (int i = 0; i < f.count; i++) {
                    if (get(w, at, f, i) != 0) {
                        present.add(i);
                    }
                }
                b.append(present.toString().replace('[', '{').replace(']', '}'));
            } else if (f.count == 1) {
                b.append(element(w, at, f, 0));
            } else {
                b.append('[');
                for (int i = 0; i < f.count; i++) {
                    b.append(i > 0 ? ", " : "").append(element(w, at, f, i));
                }
                b.append(']');
            }
        }
        return b.toString();
    }

    private static String element(long[] w, int at, Field f, int i) {
        long v = get(w, at, f, i);
        if (f.values != null) {
            return v < f.values.length ? f.values[(int) v] : "?" + v;
        }
        return f.bits == 1 ? String.valueOf(v != 0) : String.valueOf(v);
    }
}
