package tcpcheck.checker;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A model and its properties as a recipe that can be sent elsewhere and followed there: a distributed
 * {@link Engine} serializes the source, not the model, and builds the model and the properties again on every
 * machine of the cluster. Implementations are small serializable values (a variant's name and its parameters, say).
 */
public interface ModelSource<S, A> extends Serializable {

    /** Builds the model. */
    Model<S, A> model();

    /** Builds the properties to check, in the order they are reported. */
    List<Property<S, A>> properties(Model<S, A> model);

    /** Tracked maxima over the reached states, by name, as {@link Checker#trackMaximum} takes them; none by default. */
    default Map<String, ToLongFunction<S>> metrics(Model<S, A> model) {
        return Map.of();
    }
}
