package tcpcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TcpProperty;
import tcpcheck.properties.Witness;
import tcpcheck.properties.Witnesses;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the variants, the properties, the witnesses and the parameters with their defaults and "
                + "ranges.",
            "Writes: standard output only.",
            "Exit 0; 2: usage error."})
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json (one record: the variants with their default parameters, and the "
                    + "properties)")
    String format = "text";

    @Override
    public Integer call() {
        boolean json = CheckCommand.format(spec, format);
        PrintWriter w = main.io().out();
        TcpModel model = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        if (json) {
            ObjectNode o = Json.record("list", "list");
            ArrayNode vs = o.putArray("variants");
            for (Variant v : Variant.values()) {
                ObjectNode x = vs.addObject();
                x.put("variant", v.id());
                x.put("description", v.description());
                ArrayNode aliases = x.putArray("aliases");
                v.aliases().forEach(aliases::add);
                x.set("parameters", Json.parameters(v, Parameters.defaults()));
            }
            ArrayNode ps = o.putArray("properties");
            for (TcpProperty p : TcpProperties.all(model)) {
                ObjectNode x = ps.addObject();
                x.put("property", p.name());
                x.put("description", p.description());
            }
            ArrayNode ws = o.putArray("witnesses");
            for (Witness x : Witnesses.all()) {
                ObjectNode y = ws.addObject();
                y.put("witness", x.id());
                y.put("description", x.description());
                y.put("needs", x.needs());
            }
            ArrayNode table = o.putArray("parameters");
            for (Parameter p : Parameter.values()) {
                ObjectNode y = table.addObject();
                y.put("key", p.key());
                ArrayNode options = y.putArray("options");
                p.options().forEach(options::add);
                y.put("default", p.defaultText());
                y.put("range", p.rangeText());
                y.put("meaning", p.meaning());
            }
            w.println(Json.line(o));
            w.flush();
            return ExitCode.HOLDS;
        }
        w.println("variants:");
        for (Variant v : Variant.values()) {
            w.printf("  %-19s %s%s%n", v.id(), v.description(),
                    v.aliases().isEmpty() ? "" : " (old name, still accepted: " + String.join(", ", v.aliases()) + ")");
        }
        w.println("properties:");
        for (TcpProperty p : TcpProperties.all(model)) {
            w.printf("  %-19s %s%n", p.name(), p.description());
        }
        w.println("witnesses (check --witness NAME):");
        for (Witness x : Witnesses.all()) {
            w.printf("  %-21s %s%s%n", x.id(), x.description(), x.needs().isEmpty() ? "" : " [sets " + x.needs() + "]");
        }
        w.println("parameters (option, alias by symbol, default, range, meaning):");
        for (Parameter p : Parameter.values()) {
            w.printf("  %-23s %-8s %-15s %-22s %s%n", p.options().get(0),
                    p.symbol() != null ? "--" + p.symbol() : "", p.defaultText(), p.rangeText(), p.meaning());
        }
        w.printf("  %-23s %-8s %-15s %-22s %s%n", ParameterOptions.PROFILE + " incarnations", "", "", "",
                "K = 2 (unless --connections is given)");
        w.println("openings (--a-opens, --b-opens):");
        for (Opening o : Opening.values()) {
            w.printf("  %-8s %s%n", o.id(), o.description());
        }
        w.flush();
        return ExitCode.HOLDS;
    }
}
