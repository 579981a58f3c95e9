package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.Lang;
import tcpcheck.properties.Narrator;
import tcpcheck.properties.Story;
import tcpcheck.properties.TcpProperty;

/**
 * What broke at a step and why: the one place where the page's explanation is written. It gives the rule the property
 * states (its description) and the {@link Narrator}'s story of the violating path, the same as the counterexamples'
 * pages tell, in the page's language (English): the decisive events in order and, last, why the property breaks.
 */
final class Explanation {
    private Explanation() {
    }

    /** One sentence of a story: the step it is about (0 for none), its kind ({@link Story.Kind}), its text. */
    record Event(int step, String kind, String text) {
        static List<Event> of(List<Story.Sentence> sentences) {
            List<Event> out = new ArrayList<>();
            for (Story.Sentence s : sentences) {
                out.add(new Event(s.step(), s.kind().name(), s.text(Lang.EN)));
            }
            return out;
        }
    }

    /**
     * @param headline "no-stale-accept is violated at step 14"
     * @param rule the property's description
     * @param violation the story's last sentence: at which step the property breaks, and why
     * @param story the story of the violating path, the violation last
     */
    record Broke(String property, String part, String headline, String rule, String violation, List<Event> story) {
    }

    /** One line for the property table. */
    static String summary(TcpModel m, TcpProperty p, Property<TcpState, Action> part, Trace<TcpState, Action> v) {
        switch (part.kind()) {
            case ALWAYS:
                return "the state after step " + v.length() + " breaks it";
            case TRANSITION:
                return "step " + v.length() + " (" + v.steps().get(v.length()).action() + ") breaks it";
            case TERMINAL:
                return "the path ends after step " + v.length() + " in a state that is not an acceptable end";
            default:
                return v.isLasso() ? "from step " + v.loopStart() + " the path repeats a weakly fair cycle that never"
                        + " reaches the goal" : "the path ends after step " + v.length() + " without reaching the goal";
        }
    }

    static Broke of(TcpModel m, PropertyStatus.Status s) {
        Trace<TcpState, Action> v = s.violating();
        Story story = Narrator.tell(m, v, s.property().name(), s.part().name());
        String headline = s.property().name() + " is " + s.view().status() + " at step " + v.length();
        return new Broke(s.property().name(), s.part().name(), headline, s.property().description(),
                story.violation().text(Lang.EN), Event.of(story.sentences()));
    }
}
