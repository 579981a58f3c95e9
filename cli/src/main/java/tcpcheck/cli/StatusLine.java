package tcpcheck.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import tcpcheck.checker.Progress;
import tcpcheck.checker.Simulation;

/**
 * The one line on standard error that says what tcpcheck is doing: the task (the command, the variant or cell, and
 * which of how many), the phase ({@code search}, {@code liveness}, {@code walks}, {@code shrinking},
 * {@code writing}), how long the phase has run, its figures, and an estimate where one exists (the share of
 * {@code --max-states} reached, the time left before {@code --max-seconds}, the walks left).
 *
 * <p>When standard error is a terminal the line is redrawn in place ({@code \r}, then erase to the end of the line)
 * every second and whenever something changes, and erased before anything else is printed. When it is not (a CI
 * job's log, a file), the same line is printed as a plain line, prefixed {@code tcpcheck: }, once every
 * {@link #LOG_EVERY_PROPERTY} seconds (default {@value #DEFAULT_LOG_SECONDS}; 0 never) while a task runs, the first
 * that long after the command started: a command shorter than that prints nothing there but errors.
 */
final class StatusLine {
    private static final long TICK_MILLIS = 1000;
    /** The system property that sets how often a log gets a line, in seconds ({@code JAVA_OPTS=-D...}). */
    static final String LOG_EVERY_PROPERTY = "tcpcheck.progress.seconds";
    static final long DEFAULT_LOG_SECONDS = 60;
    private final PrintWriter err;
    private final boolean terminal;
    private final int columns;
    private final long logEveryNanos;
    private long lastLog = System.nanoTime();
    private String task;
    private String phase;
    private long phaseStart;
    private String detail = "";
    private String estimate = "";
    private boolean shown;
    private Thread ticker;

    /**
     * A status line on {@code err}: redrawn in place when it is a {@code terminal}, otherwise a plain line every
     * {@code logEveryNanos} (none when 0).
     */
    StatusLine(PrintWriter err, boolean terminal, int columns, long logEveryNanos) {
        this.err = err;
        this.terminal = terminal;
        this.columns = Math.max(20, columns);
        this.logEveryNanos = logEveryNanos;
    }

    /** How often a log gets a line, in nanoseconds, as {@link #LOG_EVERY_PROPERTY} says (whole seconds). */
    static long logEveryNanos() {
        String s = System.getProperty(LOG_EVERY_PROPERTY, "");
        long seconds = s.matches("[0-9]{1,9}") ? Long.parseLong(s) : DEFAULT_LOG_SECONDS;
        return seconds * 1_000_000_000L;
    }

    boolean enabled() {
        return terminal || logEveryNanos > 0;
    }

    /** A new task; its phase is {@code phase}. */
    synchronized void task(String task, String phase) {
        this.task = task;
        phase(phase);
    }

    /** A phase of the task under way, or of {@code command} when no task is. */
    synchronized void phase(String command, String phase) {
        if (task == null) {
            task = command;
        }
        phase(phase);
    }

    synchronized void phase(String phase) {
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            this.phaseStart = System.nanoTime();
            this.detail = "";
            this.estimate = "";
        }
        draw();
    }

    synchronized void detail(String detail, String estimate) {
        this.detail = detail;
        this.estimate = estimate == null ? "" : estimate;
        draw();
    }

    /** Erases the line (before other output); it comes back at the next change or tick while a task is on. */
    synchronized void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    /** The task is over: erase the line and stop redrawing it. */
    synchronized void done() {
        clear();
        task = null;
    }

    private void draw() {
        if (!enabled() || task == null) {
            return;
        }
        long now = System.nanoTime();
        if (!terminal && now - lastLog < logEveryNanos) {
            return;
        }
        StringBuilder b = new StringBuilder(task).append(": ").append(phase)
                .append(String.format(Locale.ROOT, " %d s", (now - phaseStart) / 1_000_000_000L));
        if (!detail.isEmpty()) {
            b.append(", ").append(detail);
        }
        if (!estimate.isEmpty()) {
            b.append(", ").append(estimate);
        }
        if (terminal) {
            String line = b.length() < columns ? b.toString() : b.substring(0, columns - 2) + "…";
            err.print("\r" + line + "\033[K");
            shown = true;
        } else {
            err.println("tcpcheck: " + b);
            lastLog = now;
        }
        err.flush();
        if (ticker == null) {
            ticker = new Thread(this::tick, "tcpcheck-status");
            ticker.setDaemon(true);
            ticker.start();
            if (terminal) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    err.print("\r\033[K");
                    err.flush();
                }, "tcpcheck-status-clear"));
            }
        }
    }

    private void tick() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (task != null) {
                    draw();
                }
            }
        }
    }

    /**
     * The search's progress as figures and an estimate: the share of the state limit reached, the time left before
     * the time limit.
     */
    Consumer<Progress> search(Long maxStates, Deadline deadline) {
        if (!enabled()) {
            return null;
        }
        return p -> {
            if (p.phase().equals(Progress.LIVENESS)) {
                phase("liveness");
                detail(String.format(Locale.ROOT, "%,d states, %,d transitions", p.states(),
                        p.transitions()), deadline.estimate());
                return;
            }
            phase("search");
            String estimate = deadline.estimate();
            if (maxStates != null) {
                String share = String.format(Locale.ROOT, "%.0f%% of --max-states", 100.0 * p.states() / maxStates);
                estimate = estimate.isEmpty() ? share : share + ", " + estimate;
            }
            detail(String.format(Locale.ROOT, "%,d states, depth %d, %,.0f states/s", p.states(), p.depth(),
                    p.statesPerSecond()), estimate);
        };
    }

    /** The walks' progress, with the walks left and the time they should take. */
    Consumer<Simulation.Status> walks(long runs, Deadline deadline) {
        if (!enabled()) {
            return null;
        }
        return s -> {
            if (s.phase().equals(Simulation.Status.SHRINKING)) {
                phase("shrinking");
                detail(String.format(Locale.ROOT, "what %,d walks found", s.walks()),
                        deadline.estimate());
                return;
            }
            phase("walks");
            double sec = s.elapsedNanos() / 1e9;
            String left = s.walks() > 0 && sec > 0 ? String.format(Locale.ROOT, "about %.0f s left",
                    (runs - s.walks()) * sec / s.walks()) : "";
            String d = deadline.estimate();
            detail(String.format(Locale.ROOT, "%,d of %,d walks (%.0f%%), %,d steps", s.walks(), runs,
                    100.0 * s.walks() / runs, s.steps()), d.isEmpty() ? left : left + ", " + d);
        };
    }
}
