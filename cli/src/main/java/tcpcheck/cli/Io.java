package tcpcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Where a command's output goes: text and binary output on standard output, messages and the status line on
 * standard error, and whether each is a terminal.
 */
final class Io {
    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final StatusLine status;
    private final LongSupplier clock;

    Io(OutputStream stdout, PrintWriter err, Terminal terminal) {
        this(stdout, err, terminal, System::nanoTime);
    }

    /** With the clock the time limits are read on, in nanoseconds (tests count readings instead of seconds). */
    Io(OutputStream stdout, PrintWriter err, Terminal terminal, LongSupplier clock) {
        this(stdout, err, terminal, clock, StatusLine.logEveryNanos());
    }

    /** With a log's progress line every {@code logEveryNanos} when standard error is not a terminal (0: never). */
    Io(OutputStream stdout, PrintWriter err, Terminal terminal, LongSupplier clock, long logEveryNanos) {
        this.clock = clock;
        this.stdout = stdout;
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        this.err = err;
        this.terminal = terminal;
        this.status = new StatusLine(err, terminal.stderr(), terminal.columns(), logEveryNanos);
    }

    /** The process's own standard output and error. */
    static Io system() {
        return new Io(System.out, new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Terminal.detect());
    }

    /** Text on standard output; the status line is cleared first. */
    PrintWriter out() {
        status.clear();
        return out;
    }

    /** Binary content on standard output. */
    void binary(byte[] bytes) throws IOException {
        status.clear();
        out.flush();
        stdout.write(bytes);
        stdout.flush();
    }

    /** Messages on standard error; the status line is cleared first. */
    PrintWriter err() {
        status.clear();
        return err;
    }

    Terminal terminal() {
        return terminal;
    }

    /** The clock {@code --max-seconds} is read on, in nanoseconds ({@link System#nanoTime()}). */
    LongSupplier clock() {
        return clock;
    }

    StatusLine status() {
        return status;
    }
}
