package tcpcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TcpProperty;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the variants, the properties and the parameters with their defaults and ranges.")
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
        w.println("parameters (option, alias by its symbol, default, range):");
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
