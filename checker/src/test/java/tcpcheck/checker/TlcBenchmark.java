package tcpcheck.checker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tcpcheck.checker.models.MCtcp;
import tcpcheck.checker.models.TwoPhase;

/**
 * A benchmark, not a test: TLC and the engine on the same instance, side by side, each as a whole process (JVM start,
 * parsing and everything), alternating, with the same JVM options and threads; it prints both wall-clock times (the
 * median of the rounds), their ratio, the machine's load, and checks that both found the same counts. Instances:
 * tlaplus/Examples' TwoPhase at 9 resource managers (10,340,352 states) and MCtcp (1,182 states, liveness included).
 *
 * <pre>
 * mvn -B -q -pl checker test-compile
 * mvn -B -q -pl checker org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.classpathScope=test \
 *     -Dexec.executable=java -Dexec.args="-cp %classpath tcpcheck.checker.TlcBenchmark 3 1"
 * </pre>
 * The arguments: rounds (default 3) and threads, which is TLC's workers and the engine's threads (default 1).
 */
public final class TlcBenchmark {
    private static final List<String> JVM = List.of("-Xmx4g", "-XX:+UseParallelGC");

    private TlcBenchmark() {
    }

    /** One instance: its name, its TLA+ module and configuration, and the engine's model by name. */
    private record Instance(String name, String module, String config, String model) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Instance> instances = List.of(new Instance("TwoPhase, 9 RMs", "TwoPhase", "TwoPhase9.cfg", "twophase9"),
                new Instance("MCtcp (constraints, leads-to)", "MCtcp", "MCtcp.cfg", "mctcp"));
        Path work = Files.createTempDirectory("tlc-bench");
        System.out.printf(Locale.ROOT, "%d round(s), %d thread(s) each, JVM %s, %d cores; load average %.2f%n",
                rounds, threads, String.join(" ", JVM), Runtime.getRuntime().availableProcessors(), load());
        for (Instance in : instances) {
            double[] tlc = new double[rounds];
            double[] engine = new double[rounds];
            String tlcCounts = null;
            String engineCounts = null;
            for (int r = 0; r < rounds; r++) {
                Tlc.Result t = Tlc.run(work, in.module(), in.config(), false, JVM, threads);
                if (!t.ok()) {
                    throw new IllegalStateException("TLC: " + t.error());
                }
                tlc[r] = t.seconds();
                tlcCounts = t.distinct() + " distinct, " + t.generated() + " generated, depth " + t.depth();
                long start = System.nanoTime();
                engineCounts = engine(in.model(), threads);
                engine[r] = (System.nanoTime() - start) / 1e9;
            }
            if (!tlcCounts.equals(engineCounts)) {
                throw new IllegalStateException("counts differ: TLC " + tlcCounts + ", engine " + engineCounts);
            }
            double t = median(tlc);
            double e = median(engine);
            System.out.printf(Locale.ROOT, "%s: %s (both)%n  TLC %.2f s (%s), engine %.2f s (%s): TLC / engine = "
                    + "%.1f; load average now %.2f%n", in.name(), tlcCounts, t, list(tlc), e, list(engine), t / e,
                    load());
        }
    }

    /** Runs the engine on {@code model} in a JVM of its own; its counts, as TLC prints them. */
    private static String engine(String model, int threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JVM);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Engine.class.getName(), model,
                String.valueOf(threads)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the engine failed:\n" + out);
        }
        return out;
    }

    /** The engine's side: checks one instance and prints its counts. */
    public static final class Engine {
        private Engine() {
        }

        public static void main(String[] args) {
            int threads = Integer.parseInt(args[1]);
            CheckResult<?, ?> r;
            if (args[0].equals("twophase9")) {
                TwoPhase m = new TwoPhase(9);
                r = Checker.of(m).threads(threads).expectedStates(11_000_000)
                        .property(Property.always("TypeOK", m::typeOK))
                        .property(Property.always("Consistent", m::consistent)).run();
            } else {
                r = Checker.of(new MCtcp(false, true)).threads(threads)
                        .property(Property.always("Inv", MCtcp::inv))
                        .property(MCtcp.synSentLeadsToOpenOrClosed(0))
                        .property(MCtcp.synSentLeadsToOpenOrClosed(1)).run();
            }
            for (PropertyResult<?, ?> p : r.results()) {
                if (p.verdict() != Verdict.HOLDS) {
                    throw new IllegalStateException(p.name() + " " + p.verdict());
                }
            }
            Statistics s = r.statistics();
            System.out.println(s.states() + " distinct, " + s.generated() + " generated, depth " + s.depthInStates());
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String list(double[] xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(b.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return b.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
