package tcpcheck.properties;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A reachability witness: a rare corner the model must reach to prove anything about it. It is checked as a
 * transition property that says "this never happens"; a violation is the witness, and breadth-first search finds the
 * shortest path to it.
 *
 * @param id the name {@code check --witness} and the files use
 * @param description what happens, and the RFC figure it shows where there is one
 * @param needs what the witness sets in the parameters given, as people read it ("" if nothing)
 * @param configure the parameters given, with what the witness needs (a second connection, a crash, an opening)
 * @param happens the transition that is the witness, over a model whose parameters are {@link #configure}d
 */
public record Witness(String id, String description, String needs, UnaryOperator<Parameters> configure,
                      Function<TcpModel, Property.TransitionPredicate<TcpState, Action>> happens) {

    /** The engine property "this never happens", named by the witness's id. */
    public Property<TcpState, Action> property(TcpModel model) {
        Property.TransitionPredicate<TcpState, Action> p = happens.apply(model);
        return Property.transition(id, (s, a, t) -> !p.test(s, a, t));
    }
}
