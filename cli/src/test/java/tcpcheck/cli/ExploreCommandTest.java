package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreCommandTest {
    @TempDir
    Path dir;

    static Path storedCounterexample() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("counterexamples"))) {
            p = p.getParent();
        }
        return p.resolve("counterexamples/two-way-handshake.no-stale-accept.json");
    }

    @Test
    void badInputIsOneLineAndExit2() throws IOException {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{");
        String cx = storedCounterexample().toString();
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            String[][] cases = {
                {"explore", dir.resolve("missing.json").toString()},
                {"explore", notJson.toString()},
                {"explore", cx, "--variant", "rfc9293-rfc1337"},
                {"explore", cx, "--msl", "3"},
                {"explore", "--variant", "tcp-reno"},
                {"explore", "--rto", "0"},
                {"explore", "--port", "70000"},
                {"explore", "--port", String.valueOf(busy.getLocalPort())}};
            String[] messages = {
                "tcpcheck: cannot read " + dir.resolve("missing.json") + ": no such file",
                "tcpcheck: " + notJson + " is not a valid counterexample: not JSON",
                "tcpcheck: a counterexample file fixes the variant and the parameters: --variant cannot be given",
                "tcpcheck: a counterexample file fixes the variant and the parameters: --msl cannot be given",
                "tcpcheck: unknown variant 'tcp-reno'",
                "tcpcheck: rto (RTO) must be between 1 and 15, not 0",
                "tcpcheck: --port must be between 0 and 65535, not 70000",
                "tcpcheck: cannot listen on 127.0.0.1:" + busy.getLocalPort()};
            for (int i = 0; i < cases.length; i++) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), cases[i]);
                assertEquals(ExitCode.USAGE, code, String.join(" ", cases[i]) + ": " + err);
                assertTrue(err.toString().startsWith(messages[i]), err.toString());
                assertFalse(err.toString().contains("\tat "), "no stack trace");
                assertEquals("", out.toString());
            }
        }
    }

    /** The command serves the page at the address it prints, until it is interrupted. */
    @Test
    void servesThePageAtThePrintedAddressUntilInterrupted() throws Exception {
        // Standard output as the command writes it, read while it runs (ByteArrayOutputStream is synchronized).
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Main.execute(out, new PrintWriter(new StringWriter(), true), "explore",
                storedCounterexample().toString())));
        t.start();
        Pattern address = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)\\n");
        Matcher m = address.matcher("");
        for (int i = 0; i < 500 && !m.reset(out.toString(java.nio.charset.StandardCharsets.UTF_8)).find(); i++) {
            Thread.sleep(20);
        }
        assertTrue(m.reset(out.toString(java.nio.charset.StandardCharsets.UTF_8)).find(), out.toString());
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("Exploring two-way-handshake: no-stale-accept violated in 14 actions at "
                + "http://127.0.0.1:"), printed);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>tcpcheck explorer</title>"));
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(config.body().contains("\"query\":\"variant=two-way-handshake&path="), config.body());
        t.interrupt();
        t.join(10_000);
        assertEquals(ExitCode.SIGINT, exit.get());
    }
}
