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
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TcpProperty;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the variants, the properties and the parameters with their defaults and ranges.",
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
        w.println("parameters (option, alias by symbol, default, range):");
        String[][] rows = {
            {"--connections", "K", "1", "1-7"}, {"--data", "D", "1", "0-7"}, {"--losses", "L", "1", "0-15"},
            {"--duplicates", "Dup", "1", "0-15"}, {"--capacity", "C", "4", "1-16"},
            {"--seq-space", "S", "8", "2-256"}, {"--isn-choices", "I", "2", "2-S, divides S"},
            {"--msl", "MSL", "2", "1-15"}, {"--rto", "RTO", "2", "1-15"}, {"--retries", "R", "2", "0-15"},
            {"--time-wait", "T", "2 x MSL (variant)", "0-31"}, {"--crashes", "Crash", "0", "0-3"},
            {"--server-closes-first", "", "off", ""}, {"--profile incarnations", "", "", "K = 2"}};
        for (String[] r : rows) {
            w.printf("  %-24s %-8s %-18s %s%n", r[0], r[1].isEmpty() ? "" : "--" + r[1], r[2], r[3]);
        }
        w.flush();
        return ExitCode.HOLDS;
    }
}
