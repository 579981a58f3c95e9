package tcpcheck.checker.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Property;
import tcpcheck.checker.Statistics;

/**
 * The engine's benchmark (a command, not a timed test): explores {@link SyntheticModel} with 1 and 2 threads and
 * prints states per second of wall-clock time, states per second of processor time (all the JVM's threads, the
 * collector and the compiler included: the figure per core, which a busy machine does not lower), and bytes per
 * state. Usage: {@code Bench [states] [rounds]}, default 6,000,000 and 3. Each configuration runs once to warm up,
 * then {@code rounds} times; the median is reported. The table is sized for the model's states
 * ({@link Checker#expectedStates}), as TLC sizes its table from its memory: the benchmark measures the search, not
 * the growth of the table.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 6_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "synthetic model: %,d states, %,d transitions; %d cores; heap %,d MiB%n",
                n, 3 * n, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        double single = 0;
        for (int threads : new int[] {1, 2}) {
            run(n / 4, threads);
            List<double[]> rates = new ArrayList<>();
            Statistics last = null;
            for (int r = 0; r < rounds; r++) {
                long cpu = processCpuNanos();
                last = run(n, threads);
                cpu = processCpuNanos() - cpu;
                if (last.states() != n || last.transitions() != 3 * n) {
                    throw new IllegalStateException("wrong counts: " + last);
                }
                rates.add(new double[] {last.statesPerSecond(), n / (cpu / 1e9)});
            }
            rates.sort((x, y) -> Double.compare(x[0], y[0]));
            double median = rates.get(rates.size() / 2)[0];
            List<Double> perCpu = new ArrayList<>();
            rates.forEach(x -> perCpu.add(x[1]));
            Collections.sort(perCpu);
            if (threads == 1) {
                single = median;
            }
            System.out.printf(Locale.ROOT,
                    "threads %d: %,.0f states/s (median of %d; min %,.0f, max %,.0f), %,.0f states per processor "
                            + "second, %.1f bytes/state, speed-up %.2fx%n",
                    threads, median, rounds, rates.get(0)[0], rates.get(rates.size() - 1)[0],
                    perCpu.get(perCpu.size() / 2), last.bytesPerState(), median / single);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Statistics run(long n, int threads) {
        System.gc();
        CheckResult<Long, Integer> r = Checker.of(new SyntheticModel(n))
                .property(Property.always("in range", s -> s >= 0 && s < n))
                .expectedStates(n).threads(threads).run();
        return r.statistics();
    }
}
