package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample told in a few sentences, each naming one decisive event of the trace (an open, a duplication, a
 * loss, a retransmission, a timer running out, an arrival that matters, the violation) in English and in Chinese,
 * with the {@link Claim}s it makes, which {@link ClaimCheck} verifies against the trace. Made by {@link Narrator}.
 *
 * <p>For an explorer: {@link #sentences()} is the story in order, and {@link #at(int)} the events named at one step.
 */
public final class Story {

    /** What kind of event a sentence names. */
    public enum Kind {
        /** A opens a connection. */
        OPEN,
        /** The network duplicates a segment. */
        DUPLICATION,
        /** The network loses a segment. */
        LOSS,
        /** A retransmission timeout sends a segment again. */
        RETRANSMISSION,
        /** The TIME-WAIT timer runs out. */
        TIME_WAIT_ENDS,
        /** An endpoint gives up after its retransmissions. */
        GIVE_UP,
        /** An endpoint crashes. */
        CRASH,
        /** A segment arrives and changes what matters (a state, a connection's end, an answer). */
        ARRIVAL,
        /** A segment arrives at a receiver that has started or ended a connection since it was sent. */
        OLD_SEGMENT,
        /** The step at which the property breaks, and why. */
        VIOLATION
    }

    /**
     * One sentence: the step it is about (0 for none), what kind of event, its text in each language, and the
     * claims it makes.
     */
    public record Sentence(int step, Kind kind, String en, String zh, List<Claim> claims) {
        public String text(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }
    }

    private final List<Sentence> sentences;

    Story(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    /** The sentences, in the order of their steps. */
    public List<Sentence> sentences() {
        return sentences;
    }

    /** The events named at one step (empty when that step is not decisive). */
    public List<Sentence> at(int step) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : sentences) {
            if (s.step() == step) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every claim the story makes. */
    public List<Claim> claims() {
        List<Claim> out = new ArrayList<>();
        for (Sentence s : sentences) {
            out.addAll(s.claims());
        }
        return out;
    }

    /** The sentence that names the violation, or null. */
    public Sentence violation() {
        for (Sentence s : sentences) {
            if (s.kind() == Kind.VIOLATION) {
                return s;
            }
        }
        return null;
    }

    /** The story as a Markdown list, one item per sentence, led by its step. */
    public String markdown(Lang lang) {
        StringBuilder b = new StringBuilder();
        for (Sentence s : sentences) {
            b.append("- ");
            if (s.step() > 0) {
                b.append(lang == Lang.ZH ? "**第 " + s.step() + " 步。** " : "**Step " + s.step() + ".** ");
            }
            b.append(s.text(lang)).append('\n');
        }
        return b.toString();
    }

    /** The story as plain text, one line per sentence. */
    public String text(Lang lang) {
        StringBuilder b = new StringBuilder();
        for (Sentence s : sentences) {
            if (s.step() > 0) {
                b.append(lang == Lang.ZH ? "第 " + s.step() + " 步：" : String.format("%3d  ", s.step()));
            }
            b.append(s.text(lang)).append('\n');
        }
        return b.toString();
    }
}
