package tcpcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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

    Io(OutputStream stdout, PrintWriter err, Terminal terminal) {
        this.stdout = stdout;
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        this.err = err;
        this.terminal = terminal;
        this.status = new StatusLine(terminal.stderr() ? err : null, terminal.columns());
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

    StatusLine status() {
        return status;
    }
}
