package tcpcheck.cli;

import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tcpcheck.checker.Progress;

@Command(name = "tcpcheck", mixinStandardHelpOptions = true, version = "tcpcheck 0.1.0",
        description = "A formal model of TCP connection management and a property checker for it.",
        subcommands = {JustifyCommand.class, CheckCommand.class, ReplayCommand.class, ShowCommand.class,
            SweepCommand.class, SimulateCommand.class, ReportCommand.class, ListCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCode}); never throws. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** The same, printing to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tcpcheck: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'tcpcheck " + ex.getCommandLine().getCommandName()
                    + " --help' for the options.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("tcpcheck: " + describe(ex));
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    private static String describe(Exception ex) {
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "cannot write " + ex.getMessage() + ": permission denied";
        }
        if (ex instanceof java.nio.file.FileSystemException fse) {
            return "cannot write " + fse.getFile() + (fse.getReason() != null ? ": " + fse.getReason() : "");
        }
        if (ex instanceof java.io.IOException) {
            return "cannot write: " + ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    /** Progress on stderr every few seconds when a person is watching (a terminal), nothing otherwise. */
    static Consumer<Progress> progress() {
        if (System.console() == null) {
            return null;
        }
        return p -> System.err.println("  ... " + p);
    }
}
