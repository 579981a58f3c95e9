package tcpcheck.conformance;

import com.sun.jna.LastErrorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private network namespace for the harness, made and removed with the system's own tools ({@code ip netns},
 * {@code ip link}, {@code ip addr}, {@code ip route}; {@code ss} and {@code sysctl} run inside it through
 * {@code ip netns exec}). Its name is unique to the process and the run ({@code tcpcheck-PID-N}), so that parallel
 * runs do not collide; it is removed by {@link #close} and, should the JVM stop first, by a shutdown hook. A run that
 * was killed outright leaves its namespace behind: the next run removes every {@code tcpcheck-PID-N} whose process is
 * gone.
 *
 * <p>Threads enter it with setns(2) ({@link #threads}): a socket or a TUN device belongs to the namespace of the
 * thread that creates it, so the harness needs no second process. Sysctls set here ({@code net.ipv4.tcp_rfc1337})
 * are the namespace's own; nothing on the host is changed.
 */
final class NetworkNamespace implements AutoCloseable {
    private static final String PREFIX = "tcpcheck-";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String name;
    private final Thread hook;
    private volatile boolean closed;

    /** Why the harness cannot run here, in one line. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    private NetworkNamespace(String name) {
        this.name = name;
        this.hook = new Thread(this::remove, "remove " + name);
    }

    /** Creates a new namespace with its loopback up, or says in one line why it cannot. */
    static NetworkNamespace create() throws UnavailableException {
        checkPrerequisites();
        removeStale();
        String name = PREFIX + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
        Result add = run(List.of("ip", "netns", "add", name));
        if (add.status != 0) {
            throw new UnavailableException("cannot create a network namespace (ip netns add): " + add.firstLine());
        }
        NetworkNamespace ns = new NetworkNamespace(name);
        Runtime.getRuntime().addShutdownHook(ns.hook);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (IOException e) {
            ns.close();
            throw new UnavailableException(e.getMessage());
        }
        return ns;
    }

    /** Root, the TUN device node, the C library through JNA, and iproute2's ip and ss. */
    static void checkPrerequisites() throws UnavailableException {
        int euid;
        try {
            euid = Libc.C.geteuid();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new UnavailableException("cannot load the C library through JNA: " + e.getMessage());
        }
        if (euid != 0) {
            throw new UnavailableException("needs root: it creates a network namespace and a TUN device");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            throw new UnavailableException("no TUN device on this system (/dev/net/tun is missing)");
        }
        for (String tool : List.of("ip", "ss")) {
            if (!onPath(tool)) {
                throw new UnavailableException("needs iproute2's '" + tool + "' on the PATH");
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Removes namespaces left by runs of this harness whose process no longer exists. */
    private static void removeStale() {
        Result list = run(List.of("ip", "netns", "list"));
        if (list.status != 0) {
            return;
        }
        for (String line : list.output.split("\n")) {
            String ns = line.split(" ")[0];
            if (!ns.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = ns.substring(PREFIX.length()).split("-");
            try {
                long pid = Long.parseLong(parts[0]);
                if (parts.length == 2 && ProcessHandle.of(pid).isEmpty()) {
                    run(List.of("ip", "netns", "del", ns));
                }
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
    }

    String name() {
        return name;
    }

    /** {@code ip -n NAME ARGS…}; an IOException with ip's own message when it fails. */
    void ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.status != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + r.firstLine());
        }
    }

    /** A command run inside the namespace ({@code ip netns exec}); its standard output. */
    String exec(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.status != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + r.firstLine());
        }
        return r.output;
    }

    /** Sets a sysctl of this namespace (for instance net.ipv4.tcp_rfc1337); the host's are not touched. */
    void sysctl(String key, String value) throws IOException {
        exec("sysctl", "-q", "-w", key + "=" + value);
    }

    String sysctl(String key) throws IOException {
        return exec("sysctl", "-n", key).trim();
    }

    /** Threads that enter this namespace (setns) before they run anything. */
    ThreadFactory threads(String label) {
        AtomicInteger n = new AtomicInteger();
        String path = "/run/netns/" + name;
        return r -> {
            Thread t = new Thread(() -> {
                enter(path);
                r.run();
            }, label + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Moves the calling thread into the namespace at {@code path}. */
    static void enter(String path) {
        int fd = Libc.C.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        try {
            Libc.C.setns(fd, Libc.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new IllegalStateException("setns(" + path + ") failed: errno " + e.getErrorCode(), e);
        } finally {
            Libc.C.close(fd);
        }
    }

    String path() {
        return "/run/netns/" + name;
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs or ran
        }
    }

    private synchronized void remove() {
        if (!closed) {
            closed = true;
            run(List.of("ip", "netns", "del", name));
        }
    }

    /** Whether a namespace of this name exists (for tests). */
    static boolean exists(String name) {
        return Files.exists(Path.of("/run/netns", name));
    }

    private record Result(int status, String output) {
        String firstLine() {
            String s = output.strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }

    private static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = readAll(p.getInputStream());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }
}
