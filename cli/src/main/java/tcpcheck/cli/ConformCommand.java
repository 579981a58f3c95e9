package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.conformance.LearnedConformance;
import tcpcheck.conformance.LearnedReport;
import tcpcheck.conformance.LinuxConformance;
import tcpcheck.conformance.LinuxReport;
import tcpcheck.conformance.Role;
import tcpcheck.model.Variant;

@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Compare the model with real TCP stacks: the running Linux kernel (linux) and Mealy machines "
                + "learned from Linux, FreeBSD and Windows 8 (learned). Exit 0: every difference is explained; "
                + "1: an unexplained difference; 2: usage error, or (linux) no root, network namespaces or TUN.",
        subcommands = {ConformCommand.Linux.class, ConformCommand.Learned.class})
final class ConformCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void format(CommandSpec spec, String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
    }

    static List<Role> roles(CommandSpec spec, List<String> names) {
        List<Role> out = new ArrayList<>();
        for (String n : names) {
            try {
                Role r = Role.named(n);
                if (!out.contains(r)) {
                    out.add(r);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return out.isEmpty() ? List.of(Role.SERVER, Role.CLIENT) : out;
    }

    @Command(name = "linux", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Put the running Linux kernel's TCP in one endpoint's place: in a private network namespace "
                    + "(removed afterwards) the kernel's socket listens or connects through a TUN device whose other "
                    + "side plays the model's other endpoint and the network. Runs the segment-arrives matrix (every "
                    + "state x every class of incoming segment) and RFC 9293's stories, and compares each answer with "
                    + "the model's. Needs root. Takes about 15 seconds.",
                "Exit 0: every cell agrees or its difference is explained (kernel-differences.json), and every story "
                    + "reproduces; 1: an unexplained difference or a story that does not reproduce; 2: usage error, "
                    + "or no root, network namespaces or TUN device."})
    static final class Linux implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "the kernel's role: server or client (repeatable; default: both)")
        List<String> roles = new ArrayList<>();

        @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
                description = "the model's variant to compare with (default: rfc9293-rfc1337)")
        String variant = Variant.RFC9293_RFC1337.id();

        @Option(names = "--no-stories", description = "run the matrix only")
        boolean noStories;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text or json")
        String format = "text";

        @Override
        public Integer call() throws IOException, InterruptedException {
            format(spec, format);
            Variant v;
            try {
                v = Variant.named(variant);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            List<Role> rs = roles(spec, roles);
            LinuxReport report;
            try {
                report = LinuxConformance.run(new LinuxConformance.Options(rs, v, !noStories));
            } catch (LinuxConformance.UnavailableException e) {
                spec.commandLine().getErr().println("tcpcheck conform linux: " + e.getMessage());
                return ExitCode.USAGE;
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(format.equals("json") ? report.json() + "\n" : report.text());
            w.flush();
            return report.exitCode();
        }
    }

    @Command(name = "learned", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Compare one endpoint of the model, projected onto the alphabet of the learned machines "
                    + "(socket calls and segments with valid numbers; sending nothing is TIMEOUT; no timers), with "
                    + "Mealy machines learned from Linux, FreeBSD and Windows 8 (Fiterau-Brostean, Janssen, "
                    + "Vaandrager, CAV 2016). For each stack and role: the input words compared and the shortest "
                    + "words on which the model and the stack answer differently, each with its explanation.",
                "Exit 0: every distinguishing word is explained (learned-differences.json); 1: one is not; "
                    + "2: usage error."})
    static final class Learned implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--stack", paramLabel = "STACK",
                description = "linux, freebsd or windows8 (repeatable; default: all)")
        List<String> stacks = new ArrayList<>();

        @Option(names = "--role", paramLabel = "ROLE", description = "client or server (repeatable; default: both)")
        List<String> roles = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", description = "text or json")
        String format = "text";

        @Override
        public Integer call() {
            format(spec, format);
            List<String> ss = new ArrayList<>();
            for (String s : stacks) {
                if (!LearnedConformance.STACKS.contains(s)) {
                    throw new ParameterException(spec.commandLine(), "unknown stack '" + s + "'; the stacks are "
                            + String.join(", ", LearnedConformance.STACKS));
                }
                if (!ss.contains(s)) {
                    ss.add(s);
                }
            }
            LearnedReport report = LearnedConformance.run(ss.isEmpty() ? LearnedConformance.STACKS : ss,
                    roles(spec, roles));
            PrintWriter w = spec.commandLine().getOut();
            w.print(format.equals("json") ? report.json() + "\n" : report.text());
            w.flush();
            return report.exitCode();
        }
    }
}
