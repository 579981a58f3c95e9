package tcpcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

@Command(name = "tcpcheck", mixinStandardHelpOptions = true, version = "tcpcheck 0.1.0",
        description = {"A formal model of TCP connection management and a property checker for it.",
            "Exit codes: 0 holds (agrees, reproduces); 1 violated (differs, no longer reproduces); 2 usage error or "
                + "invalid input file; 3 incomplete (a limit cut the search short); 5 internal error (a log file "
                + "holds the stack trace); 130 and 143 interrupted by SIGINT or SIGTERM."},
        subcommands = {JustifyCommand.class, CheckCommand.class, ReplayCommand.class, ShowCommand.class,
            SweepCommand.class, SimulateCommand.class, ReportCommand.class, ListCommand.class, ConformCommand.class,
            ExploreCommand.class})
public final class Main implements Runnable {
    private static final String NO_COMMAND = "a command is needed";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Io io;

    @Override
    public void run() {
        // No command: the usage, on standard error, is a usage error.
        throw new ParameterException(spec.commandLine(), NO_COMMAND);
    }

    Io io() {
        return io;
    }

    public static void main(String[] args) {
        Io io = Io.system();
        // A thread of the search that dies: the heap running out is reported by the search itself (INCOMPLETE, and
        // the hint); anything else is an internal error, said in one line with a log, not a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (!(t instanceof OutOfMemoryError)) {
                handle(t, io, List.of(args));
            }
        });
        System.exit(execute(io, args));
    }

    /** Runs the command line on the process's own streams and returns its exit code; never throws. */
    public static int execute(String... args) {
        return execute(Io.system(), args);
    }

    /** The same, printing to the given stream and writer, as neither were a terminal (for tests). */
    public static int execute(OutputStream out, PrintWriter err, String... args) {
        return execute(new Io(out, err, Terminal.none()), args);
    }

    /** The same, standard output as text on a writer (for callers that print no binary output). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int code = execute(bytes, err, args);
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
        return code;
    }

    static int execute(Io io, String... args) {
        return run(commandLine(io), io, args);
    }

    /** The command line, its commands and handlers, printing to {@code io}. */
    static CommandLine commandLine(Io io) {
        Main main = new Main();
        main.io = io;
        CommandLine cl = new CommandLine(main);
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = io.err();
            if (c.getCommandSpec().userObject() instanceof Main) {
                if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                        && !u.getUnmatched().get(0).startsWith("-")) {
                    err.println("tcpcheck: unknown command '" + u.getUnmatched().get(0) + "'; the commands are: "
                            + String.join(", ", c.getSubcommands().keySet()) + suggestion(u));
                } else if (NO_COMMAND.equals(ex.getMessage())) {
                    c.usage(err);
                    err.println("tcpcheck: a command is needed; the commands are: "
                            + String.join(", ", c.getSubcommands().keySet()));
                } else {
                    err.println("tcpcheck: " + ex.getMessage() + suggestion(ex));
                }
                err.println("Try 'tcpcheck --help' for the commands.");
            } else {
                err.println("tcpcheck: " + ex.getMessage() + suggestion(ex));
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            }
            err.flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, io, parsed.originalArgs()));
        return cl;
    }

    /** "(did you mean X?)" when a name is a slip of the fingers away from one given. */
    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String given = u.getUnmatched().get(0).replaceFirst("^-+", "").replaceFirst("=.*", "");
            List<String> close = u.getSuggestions().stream()
                    .filter(s -> distance(given, s.replaceFirst("^-+", "")) <= Math.max(1, given.length() / 3))
                    .toList();
            if (!close.isEmpty()) {
                return " (did you mean " + String.join(" or ", close) + "?)";
            }
        }
        return "";
    }

    /** Levenshtein's edit distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Runs {@code cl} and returns its exit code; anything thrown is one line and an exit code, never a trace. */
    static int run(CommandLine cl, Io io, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return handle(t, io, List.of(args));
        } finally {
            io.status().done();
            io.out().flush();
            io.err().flush();
        }
    }

    /**
     * An exception out of a command, as one line: an output that cannot be written or another I/O failure is a
     * usage error (2); the heap running out is INCOMPLETE (3), with how to give Java more; anything else is an
     * internal error (5), whose stack trace goes to a log file that the line names.
     */
    private static int handle(Throwable t, Io io, List<String> args) {
        PrintWriter err = io.err();
        if (t instanceof IOException e) {
            err.println("tcpcheck: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (t instanceof OutOfMemoryError) {
            err.println(Report.memoryHint());
            return ExitCode.INCOMPLETE;
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
        try {
            Path log = log(t, args);
            err.println("tcpcheck: internal error (" + what + "); this is a bug in tcpcheck, not in your input; "
                    + "the stack trace is in " + log);
        } catch (IOException | RuntimeException e) {
            err.println("tcpcheck: internal error (" + what + "); this is a bug in tcpcheck, not in your input; "
                    + "no log could be written (" + e.getMessage() + "), so here is the stack trace:");
            t.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    /** Writes the stack trace of an internal error to a new file in the temporary folder. */
    private static Path log(Throwable t, List<String> args) throws IOException {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String text = "tcpcheck 0.1.0 internal error\narguments: " + String.join(" ", args) + "\njava: "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n\n" + trace;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; ; i++) {
            Path log = dir.resolve("tcpcheck-error-" + stamp + "-" + ProcessHandle.current().pid()
                    + (i == 0 ? "" : "-" + i) + ".log");
            try {
                Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return log;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
            }
        }
    }
}
