package tcpcheck.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFile;

/**
 * The explorer: an HTTP server on 127.0.0.1 that serves one page and its JSON API ({@link Api}). It answers only
 * requests addressed to itself: the Host header must be 127.0.0.1 and its port, and an Origin, when a browser sends
 * one, that same origin (so that another site, or a DNS name rebound to 127.0.0.1, cannot drive it). It reads no
 * file: a counterexample given on the command line is read before, and one picked in the page arrives as content.
 */
public final class Explorer implements AutoCloseable {
    /** The most a counterexample sent by the page may weigh: as much as any command reads. */
    static final int MAX_UPLOAD = Math.toIntExact(CounterexampleFile.MAX_BYTES);
    private static final Pattern FIND = Pattern.compile("/api/find/(\\d{1,9})(/cancel)?");
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/explorer.js", new String[] {"explorer.js", "text/javascript; charset=utf-8"},
            "/explorer.css", new String[] {"explorer.css", "text/css; charset=utf-8"});
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none';"
            + " base-uri 'none'";

    private final HttpServer server;
    private final ExecutorService pool;
    private final Api api;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String host;
    private final String origin;
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

    private Explorer(HttpServer server, ExecutorService pool, Api api) throws IOException {
        this.server = server;
        this.pool = pool;
        this.api = api;
        int port = server.getAddress().getPort();
        this.host = "127.0.0.1:" + port;
        this.origin = "http://" + host;
        for (String[] f : STATIC.values()) {
            try (InputStream in = Explorer.class.getResourceAsStream("web/" + f[0])) {
                if (in == null) {
                    throw new IOException("the explorer's page is missing from the jar: " + f[0]);
                }
                files.put(f[0], in.readAllBytes());
            }
        }
        server.createContext("/", this::handle);
    }

    /** Starts the explorer at the initial state of {@code variant}, on {@code port} (0: a free port). */
    public static Explorer start(Variant variant, Parameters parameters, int port) throws IOException {
        return start(Api.opening(variant, parameters), port);
    }

    /** Starts the explorer at the first step of a counterexample, on {@code port} (0: a free port). */
    public static Explorer start(CounterexampleFile.Counterexample cx, int port) throws IOException {
        return start(Api.opening(cx), port);
    }

    private static Explorer start(Api.Opening opening, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        // Headers and body go out as two writes: without TCP_NODELAY, Nagle's algorithm and the client's delayed
        // acknowledgement hold every answer back by about 40 ms. (Read once, when the JDK's server first starts.)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        } catch (BindException e) {
            throw new BindException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "tcpcheck-explore-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        Explorer e = new Explorer(s, pool, new Api(opening));
        s.start();
        return e;
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI address() {
        return URI.create(origin + "/");
    }

    /** A warning to print when the counterexample opened no longer replays in full, or null. */
    public String warning() {
        return api.config().opening().warning();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        api.close();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String why = refusal(x);
            if (why != null) {
                send(x, 403, Map.of("error", why));
                return;
            }
            String path = x.getRequestURI().getRawPath();
            String method = x.getRequestMethod();
            String[] file = STATIC.get(path);
            if (file != null) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    send(x, 405, Map.of("error", path + " answers GET only"));
                    return;
                }
                sendBytes(x, 200, file[1], files.get(file[0]));
                return;
            }
            Object answer = route(x, method, path);
            if (answer == null) {
                send(x, 404, Map.of("error", "no such page or API call: " + method + " " + path));
                return;
            }
            send(x, 200, answer);
        } catch (BadRequest e) {
            send(x, 400, Map.of("error", e.getMessage()));
        } catch (MethodNotAllowed e) {
            send(x, 405, Map.of("error", e.getMessage()));
        } catch (RuntimeException | IOException e) {
            System.err.println("tcpcheck explore: internal error on " + x.getRequestURI().getRawPath() + ": " + e);
            send(x, 500, Map.of("error", "internal error of tcpcheck: " + e.getClass().getSimpleName()));
        } finally {
            x.close();
        }
    }

    /** Why a request is refused (not addressed to this server), or null. */
    private String refusal(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Host");
        if (!host.equals(h)) {
            return "refused: this server answers only requests for " + host + ", not for '" + h + "'";
        }
        String o = x.getRequestHeaders().getFirst("Origin");
        if (o != null && !origin.equals(o)) {
            return "refused: requests from the origin '" + o + "' are not accepted, only from " + origin;
        }
        return null;
    }

    private static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MethodNotAllowed(String message) {
            super(message);
        }
    }

    private Object route(HttpExchange x, String method, String path) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        Matcher find = FIND.matcher(path);
        switch (path) {
            case "/api/config":
                get(method, path);
                return api.config();
            case "/api/state":
                get(method, path);
                return api.state(q);
            case "/api/actions":
                get(method, path);
                return api.actions(q);
            case "/api/step":
                get(method, path);
                return api.step(q);
            case "/api/compare":
                get(method, path);
                return api.compare(q);
            case "/api/find":
                post(method, path);
                return api.find(q);
            case "/api/counterexample":
                post(method, path);
                return api.load(body(x));
            default:
                if (find.matches()) {
                    int id = Integer.parseInt(find.group(1));
                    if (find.group(2) != null) {
                        post(method, path);
                        return api.findCancel(id);
                    }
                    get(method, path);
                    return api.findStatus(id);
                }
                return null;
        }
    }

    private static void get(String method, String path) {
        if (!method.equals("GET")) {
            throw new MethodNotAllowed(path + " answers GET only");
        }
    }

    private static void post(String method, String path) {
        if (!method.equals("POST")) {
            throw new MethodNotAllowed(path + " answers POST only");
        }
    }

    private static String body(HttpExchange x) throws IOException {
        byte[] b = x.getRequestBody().readNBytes(MAX_UPLOAD + 1);
        if (b.length > MAX_UPLOAD) {
            throw new BadRequest("the file is larger than " + (MAX_UPLOAD >> 20) + " MiB: not a counterexample");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadRequest("not a valid counterexample: not UTF-8 text");
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.put(k, v) != null) {
                    throw new BadRequest("query parameter '" + k + "' is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequest("the query is not URL-encoded: " + e.getMessage());
            }
        }
        return out;
    }

    private void send(HttpExchange x, int code, Object answer) throws IOException {
        sendBytes(x, code, "application/json; charset=utf-8", json.writeValueAsBytes(answer));
    }

    private static void sendBytes(HttpExchange x, int code, String type, byte[] body) throws IOException {
        var h = x.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", SECURITY_POLICY);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(code, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
