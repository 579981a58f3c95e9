package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcpcheck.explorer.Explorer;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFile;

@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParameterOptions.class,
        description = {"Explore the model in a browser: serves a page on 127.0.0.1 to step through a path (a stored "
                + "counterexample, or from a variant's initial state), take other actions, compare variants and "
                + "search for violations, until interrupted (Ctrl-C).",
            "Writes: standard output only (the page's address); reads no file but FILE.",
            "Exit 130: interrupted (143: SIGTERM); 2: usage error, invalid file or port in use; 5: internal error."})
final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "a counterexample (JSON) to open at its first step; it fixes the variant and parameters")
    Path file;

    @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
            description = "the variant to start from (default rfc9293-rfc1337): ${COMPLETION-CANDIDATES}")
    String variant;

    @Option(names = "--port", paramLabel = "N", description = "the port on 127.0.0.1 (default: a free one)")
    int port;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        Explorer explorer;
        String what;
        if (file != null) {
            for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                if (!o.longestName().equals("--port")) {
                    throw new ParameterException(spec.commandLine(), "a counterexample file fixes the variant and the"
                            + " parameters: " + o.longestName() + " cannot be given with FILE (compare variants in the"
                            + " page)");
                }
            }
            CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
            explorer = start(() -> Explorer.start(cx, port));
            what = CounterexampleInput.title(cx);
        } else {
            Variant v = variant == null ? Variant.RFC9293_RFC1337
                    : CheckCommand.variants(spec, java.util.List.of(variant)).get(0);
            tcpcheck.model.Parameters p = ParameterOptions.parameters(spec, java.util.List.of(v));
            explorer = start(() -> Explorer.start(v, p, port));
            what = v.id() + " from its initial state";
        }
        PrintWriter out = spec.commandLine().getOut();
        if (explorer.warning() != null) {
            spec.commandLine().getErr().println("tcpcheck: " + explorer.warning());
        }
        out.println("Exploring " + what + " at " + explorer.address());
        out.println("Open that address in a browser; Ctrl-C stops the server.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            explorer.close();
            stopped.countDown();
        }, "tcpcheck-explore-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
            return ExitCode.SIGINT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.SIGINT;
        } finally {
            explorer.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook runs anyway
            }
        }
    }

    private interface Starter {
        Explorer start() throws IOException;
    }

    private Explorer start(Starter s) throws IOException {
        try {
            return s.start();
        } catch (java.net.BindException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
