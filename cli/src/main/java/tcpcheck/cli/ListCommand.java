package tcpcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
        description = "List the variants, the properties, the witnesses and the parameters with their defaults and "
                + "ranges.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        w.println("variants:");
        for (Variant v : Variant.values()) {
            w.printf("  %-19s %s%s%n", v.id(), v.description(),
                    v.aliases().isEmpty() ? "" : " (old name, still accepted: " + String.join(", ", v.aliases()) + ")");
        }
        w.println("properties:");
        for (TcpProperty p : TcpProperties.all(new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults()))) {
            w.printf("  %-19s %s%n", p.name(), p.description());
        }
        w.println("witnesses (check --witness NAME):");
        for (Witness x : Witnesses.all()) {
            w.printf("  %-21s %s%s%n", x.id(), x.description(), x.needs().isEmpty() ? "" : " [sets " + x.needs() + "]");
        }
        w.println("parameters (option, alias by SPEC's symbol, default, range, meaning):");
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
