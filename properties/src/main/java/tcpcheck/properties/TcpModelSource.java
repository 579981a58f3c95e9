package tcpcheck.properties;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import tcpcheck.checker.Model;
import tcpcheck.checker.ModelSource;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A variant, its parameters and the properties to check, as a value a distributed engine can send to the machines
 * of a cluster, which build the same {@link TcpModel} and the same properties from it ({@link Verification} checks
 * these with any engine). The parameters travel as
 * the value of each {@link Parameter}.
 */
public final class TcpModelSource implements ModelSource<TcpState, Action> {
    private static final long serialVersionUID = 1L;

    private final Variant variant;
    private transient Parameters parameters;
    private final List<String> names;
    private final boolean verdictOnly;

    /**
     * @param names the properties (of {@link TcpProperties#NAMES})
     * @param verdictOnly only the verdict part of each, not the part after an abort
     */
    public TcpModelSource(Variant variant, Parameters parameters, List<String> names, boolean verdictOnly) {
        this.variant = variant;
        this.parameters = parameters;
        this.names = List.copyOf(names);
        this.verdictOnly = verdictOnly;
    }

    @Override
    public Model<TcpState, Action> model() {
        return new TcpModel(variant, parameters);
    }

    /** The engine's properties: the parts of each named property, verdict first, then after an abort. */
    @Override
    public List<Property<TcpState, Action>> properties(Model<TcpState, Action> model) {
        List<Property<TcpState, Action>> out = new ArrayList<>();
        for (TcpProperty p : tcpProperties((TcpModel) model)) {
            out.addAll(p.verdict());
            if (!verdictOnly) {
                out.addAll(p.afterAbort());
            }
        }
        return out;
    }

    /** The named properties over the model. */
    List<TcpProperty> tcpProperties(TcpModel model) {
        List<TcpProperty> props = new ArrayList<>();
        for (String n : names) {
            props.add(TcpProperties.named(n, model));
        }
        return props;
    }

    /** The most segments in flight in one direction. */
    @Override
    public Map<String, ToLongFunction<TcpState>> metrics(Model<TcpState, Action> model) {
        return Map.of(MAX_IN_FLIGHT, s -> Math.max(s.network().size(0), s.network().size(1)));
    }

    /** The name of the tracked maximum of segments in flight. */
    static final String MAX_IN_FLIGHT = "maxInFlight";

    boolean verdictOnly() {
        return verdictOnly;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        java.util.EnumMap<Parameter, Integer> values = new java.util.EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            values.put(p, parameters.get(p));
        }
        out.writeObject(values);
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        parameters = Parameters.of((Map<Parameter, Integer>) in.readObject());
    }
}
