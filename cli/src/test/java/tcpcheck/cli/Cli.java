package tcpcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import picocli.CommandLine;

/** Runs the command line in this JVM as a person or a script would, and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /** What a run left: the exit code, standard output (text, and as bytes), standard error. */
    record Run(int exit, String out, byte[] bytes, String err) {
    }

    /**
     * Neither standard output nor standard error is a terminal (as in CI), and the progress line a log gets once a
     * minute is not printed (these runs are shorter than that, but a loaded machine must not change what they print).
     */
    static Run run(String... args) {
        return run(Terminal.none(), args);
    }

    /** As in CI, with the log's progress line printed every {@code logEveryNanos} (1: at every change). */
    static Run logging(long logEveryNanos, String... args) {
        return run(Terminal.none(), null, System::nanoTime, logEveryNanos, args);
    }

    static Run run(Terminal terminal, String... args) {
        return run(terminal, null, args);
    }

    /** With {@code extra} added as a command (to provoke what no real command does). */
    static Run run(Terminal terminal, Object extra, String... args) {
        return run(terminal, extra, System::nanoTime, args);
    }

    /** With the time limits read on {@code clock} (nanoseconds) instead of the machine's. */
    static Run runOn(LongSupplier clock, String... args) {
        return run(Terminal.none(), null, clock, args);
    }

    private static Run run(Terminal terminal, Object extra, LongSupplier clock, String... args) {
        return run(terminal, extra, clock, 0, args);
    }

    private static Run run(Terminal terminal, Object extra, LongSupplier clock, long logEveryNanos, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Io io = new Io(out, new PrintWriter(err, true), terminal, clock, logEveryNanos);
        CommandLine cl = Main.commandLine(io);
        if (extra != null) {
            cl.addSubcommand(extra);
        }
        int code = Main.run(cl, io, args);
        byte[] bytes = out.toByteArray();
        return new Run(code, new String(bytes, StandardCharsets.UTF_8), bytes, err.toString());
    }
}
