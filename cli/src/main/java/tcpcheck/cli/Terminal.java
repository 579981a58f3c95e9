package tcpcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard output and standard error are terminals, that is, whether a person is watching them.
 *
 * <p>Asked of each stream on its own, so that {@code check --format json > f.json} in a terminal still shows progress
 * on standard error. The launcher {@code ./tcpcheck} tells the JVM ({@code -Dtcpcheck.stdout.tty},
 * {@code -Dtcpcheck.stderr.tty}, {@code -Dtcpcheck.columns}, from {@code [ -t 1 ]}, {@code [ -t 2 ]} and
 * {@code tput cols}); run without it, tcpcheck reads where {@code /proc/self/fd/1} and {@code /proc/self/fd/2} lead,
 * and where there is no {@code /proc}, it falls back on {@link System#console()}.
 *
 * @param columns the terminal's width, for the status line
 */
record Terminal(boolean stdout, boolean stderr, int columns) {
    static final int DEFAULT_COLUMNS = 100;

    /** Neither stream is a terminal. */
    static Terminal none() {
        return new Terminal(false, false, DEFAULT_COLUMNS);
    }

    static Terminal detect() {
        int columns = DEFAULT_COLUMNS;
        String c = System.getProperty("tcpcheck.columns", System.getenv("COLUMNS"));
        if (c != null && c.matches("[0-9]{2,4}")) {
            columns = Integer.parseInt(c);
        }
        return new Terminal(isTerminal(1, "tcpcheck.stdout.tty"), isTerminal(2, "tcpcheck.stderr.tty"), columns);
    }

    private static boolean isTerminal(int fd, String property) {
        String told = System.getProperty(property);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
