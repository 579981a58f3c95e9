package tcpcheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Witnesses;

/** The JSON API of a running explorer, over HTTP, as the page uses it. */
class ExplorerApiTest {
    static final String STALE_SYN = "two-way-handshake.no-stale-accept.json";
    static Explorer explorer;
    static Client client;
    static String opening;

    @BeforeAll
    static void start() throws Exception {
        explorer = Explorer.start(CounterexampleFile.read(Client.read(STALE_SYN)), 0);
        client = new Client(explorer.address());
        opening = client.ok("/api/config").at("/opening/query").asText();
    }

    @AfterAll
    static void stop() {
        explorer.close();
    }

    static String at(String query, int step) {
        return query.replaceAll("&at=\\d+", "&at=" + step);
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertEquals("127.0.0.1", explorer.address().getHost());
        assertTrue(explorer.address().getPort() > 0);
    }

    @Test
    void opensAtTheCounterexamplesFirstStep() {
        JsonNode config = client.ok("/api/config");
        assertEquals("variant=two-way-handshake&path=0.0.0.0.0.0.0.0.0.0.0.0.0.0&at=0&property=no-stale-accept"
                .replaceAll("path=[0-9.]+", "path=" + config.at("/opening/query").asText()
                        .replaceAll(".*path=([0-9.]+).*", "$1")), opening);
        JsonNode s = client.ok("/api/state?" + opening);
        assertEquals(0, s.get("at").asInt());
        assertEquals(14, s.get("length").asInt());
        assertEquals("CLOSED", Client.field(s, "A", "state"));
        assertEquals("LISTEN", Client.field(s, "B", "state"));
        assertEquals("two-way-handshake", s.at("/variant/id").asText());
        assertEquals(tcpcheck.model.Variant.TWO_WAY_HANDSHAKE.description(), s.at("/variant/description").asText());
        assertEquals("A opens (ISS choice 0)", s.at("/steps/0/action").asText());
        assertTrue(s.get("chart").asText().startsWith("<svg"), "the sequence chart");
        // T = 4 is two-way-handshake's own (2 MSL): the link does not fix it, so another variant keeps its own T.
        assertFalse(opening.contains("T="), opening);
    }

    @Test
    void theOldSynsDeliveryBreaksNoStaleAccept() throws Exception {
        JsonNode before = client.ok("/api/state?" + at(opening, 13));
        assertEquals("LISTEN", Client.field(before, "B", "state"));
        assertEquals("TIME-WAIT", Client.field(before, "A", "state"));
        JsonNode toB = before.at("/network/directions/0");
        assertEquals("B", toB.get("toward").asText());
        JsonNode syn = null;
        for (JsonNode seg : toB.get("segments")) {
            if (seg.get("flags").asText().equals("SYN")) {
                syn = seg;
            }
        }
        assertNotNull(syn, "the old SYN is in flight toward B");
        assertTrue(syn.get("old").asBoolean(), "and is marked old");
        assertEquals("s2", syn.get("name").asText(), "named as the chart and the story name it");
        assertEquals(1, syn.get("connection").asInt());
        JsonNode next = null;
        for (JsonNode a : before.get("enabled")) {
            if (a.get("onPath").asBoolean()) {
                next = a;
            }
        }
        assertEquals("deliver <SEQ=0><CTL=SYN> [conn 1, age 0] to B (B chooses ISS 4)", next.get("description").asText());
        assertEquals("holds so far", Client.property(before, "no-stale-accept").get("status").asText());

        JsonNode s = client.ok("/api/state?" + at(opening, 14));
        assertEquals("ESTABLISHED", Client.field(s, "B", "state"));
        assertTrue(Client.changed(s, "B", "state"));
        assertEquals("4", Client.field(s, "B", "iss"));
        assertTrue(Client.changed(s, "B", "iss"));
        assertFalse(Client.changed(s, "A", "state"), "A stays in TIME-WAIT");
        JsonNode p = Client.property(s, "no-stale-accept");
        assertEquals("violated", p.get("status").asText());
        assertEquals(14, p.get("step").asInt());
        assertTrue(p.get("counterexample").asBoolean());
        JsonNode broke = s.get("broke").get(0);
        assertEquals("no-stale-accept", broke.get("property").asText());
        assertEquals("no-stale-accept is violated at step 14", broke.get("headline").asText());
        // The Narrator's story, as the counterexample's page tells it: the violation last, and why.
        assertEquals("This breaks no-stale-accept at step 14: B enters ESTABLISHED in connection 1, which has been"
                + " over since step 12.", broke.get("violation").asText());
        tcpcheck.properties.Story story = storyOf(STALE_SYN);
        assertEquals(texts(story.sentences()), texts(broke.get("story")));
        assertTrue(broke.get("story").get(broke.get("story").size() - 2).get("text").asText().startsWith(
                "A's SYN s2 (the copy the network made at step 2 of s1, sent at step 1; old: from connection 1, age "
                        + "0) reaches B in LISTEN"), broke.toString());
        // Each step carries the events the story names there; step 14's are the old SYN's arrival and the violation.
        JsonNode step14 = s.get("steps").get(13).get("events");
        assertEquals(texts(story.at(14)), texts(step14));
        assertEquals(List.of("OLD_SEGMENT", "VIOLATION"), List.of(step14.get(0).get("kind").asText(),
                step14.get(1).get("kind").asText()));
        assertEquals(texts(story.at(2)), texts(s.get("steps").get(1).get("events")), "the duplication at step 2");
        assertEquals(0, s.get("steps").get(2).get("events").size(), "step 3 is not decisive");
        assertTrue(s.get("chart").asText().contains("✗ no-stale-accept breaks at step 14"), "the chart marks it");
        assertFalse(before.get("chart").asText().contains("breaks at step"), "not before");
    }

    /** The story the Narrator tells of a stored counterexample (as its page does). */
    static tcpcheck.properties.Story storyOf(String file) throws CounterexampleFile.InvalidException {
        CounterexampleFile.Counterexample cx = CounterexampleFile.read(Client.read(file));
        tcpcheck.properties.Replay.Outcome o = tcpcheck.properties.Replay.replay(cx);
        assertTrue(o.reproduces(), file);
        return tcpcheck.properties.Narrator.tell(new tcpcheck.model.TcpModel(cx.variant(), cx.parameters()),
                o.trace(), cx.property(), cx.part());
    }

    static List<String> texts(List<tcpcheck.properties.Story.Sentence> sentences) {
        return sentences.stream().map(x -> x.text(tcpcheck.properties.Lang.EN)).toList();
    }

    static List<String> texts(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.get("text").asText()));
        return out;
    }

    /**
     * The network marks a segment old as the charts and the stories do ({@code Timeline}: its receiver has started or
     * ended a connection since it was sent), not only an old SYN: in no-time-wait's graceful-close counterexample, B's
     * ACK s9 of connection 1 is still in flight when A, without TIME-WAIT, goes CLOSED at step 11; at step 12 it
     * reaches A and draws the RST that resets B.
     */
    @Test
    void aLateAckOfAConnectionThatIsOverIsMarkedOld() {
        String q = client.post("/api/counterexample", Client.read("no-time-wait.graceful-close.json")).json()
                .get("query").asText();
        JsonNode at10 = client.ok("/api/state?" + at(q, 10));
        JsonNode at11 = client.ok("/api/state?" + at(q, 11));
        for (JsonNode s : List.of(at10, at11)) {
            JsonNode s9 = null;
            for (JsonNode seg : s.at("/network/directions/1/segments")) {
                if (seg.get("name").asText().equals("s9")) {
                    s9 = seg;
                }
            }
            assertNotNull(s9, "B's ACK s9 is in flight toward A: " + s.get("network"));
            assertEquals("ACK", s9.get("flags").asText());
            assertEquals(s == at11, s9.get("old").asBoolean(), "old once A has ended connection 1 (step 11)");
        }
        JsonNode next = null;
        for (JsonNode a : at11.get("enabled")) {
            if (a.get("onPath").asBoolean()) {
                next = a;
            }
        }
        assertEquals("s9", next.at("/segment/name").asText());
        assertTrue(next.at("/segment/old").asBoolean(), "the action that delivers it says so too");
        assertEquals("CLOSED", Client.field(at11, "A", "state"));
    }

    @Test
    void parametersOtherThanTheDefaultsAreInTheLink() {
        JsonNode s = client.ok("/api/state?variant=short-time-wait&K=2&Crash=1&T=2&path=0");
        // T = 2 is short-time-wait's own (MSL): the link leaves it to the variant.
        assertEquals("variant=short-time-wait&K=2&Crash=1&path=0&at=1", s.get("query").asText());
        assertEquals(2, s.at("/parameters/K").asInt());
        assertEquals(2, s.at("/parameters/T").asInt());
        assertEquals("0 of K = 2", Client.field(client.ok("/api/state?variant=short-time-wait&K=2&at=0"), "A",
                "opened"));
        JsonNode t = client.ok("/api/state?variant=rfc9293-rfc1337&T=3&serverClosesFirst=true");
        assertEquals("variant=rfc9293-rfc1337&T=3&serverClosesFirst=true&path=&at=0", t.get("query").asText());
    }

    @Test
    void actionsNotEnabledSayWhy() {
        JsonNode initial = client.ok("/api/actions?variant=rfc9293-rfc1337");
        assertEquals(1, initial.get("enabled").size());
        assertEquals("A opens (ISS choice 0)", initial.at("/enabled/0/description").asText());
        assertEquals("nothing waits for time: no timer runs and no segment is in flight", reason(initial, "tick"));
        assertEquals("A is in CLOSED: an application writes only in ESTABLISHED or CLOSE-WAIT",
                reason(initial, "A write"));
        // A opens, then a tick: the SYN is 1 tick old, MSL - 1, so time waits for it; the timer has 1 tick left.
        JsonNode aged = client.ok("/api/actions?variant=rfc9293-rfc1337&path=0.3");
        assertTrue(reason(aged, "tick").startsWith("a segment in flight is 1 tick old, MSL - 1 (MSL = 2)"),
                reason(aged, "tick"));
        assertEquals("A's retransmission timer has not run out: 1 tick left", reason(aged, "A retransmission timeout"));
    }

    static String reason(JsonNode actions, String action) {
        for (JsonNode d : actions.get("disabled")) {
            if (d.get("action").asText().equals(action)) {
                return d.get("reason").asText();
            }
        }
        throw new AssertionError("'" + action + "' is not among the disabled: " + actions.get("disabled"));
    }

    @Test
    void branchingByLosingTheOldSyn() {
        JsonNode before = client.ok("/api/state?" + at(opening, 13));
        int lose = -1;
        for (JsonNode a : before.get("enabled")) {
            if (a.get("description").asText().equals("lose <SEQ=0><CTL=SYN> [conn 1, age 0] to B")) {
                lose = a.get("index").asInt();
            }
        }
        assertTrue(lose >= 0, "losing the old SYN is enabled");
        JsonNode s = client.ok("/api/step?" + at(opening, 13) + "&action=" + lose);
        assertEquals(14, s.get("at").asInt());
        assertEquals(14, s.get("length").asInt());
        assertEquals("lose <SEQ=0><CTL=SYN> [conn 1, age 0] to B", s.at("/steps/13/action").asText());
        assertEquals("LISTEN", Client.field(s, "B", "state"));
        assertEquals("holds so far", Client.property(s, "no-stale-accept").get("status").asText());
        assertEquals(0, s.get("broke").size());
        assertFalse(s.get("query").asText().contains("property="), "a branch is not the counterexample any more");
        // The branch's link reproduces it.
        JsonNode again = client.ok("/api/state?" + s.get("query").asText());
        assertEquals(s.get("path"), again.get("path"));
        // Taking the path's own next action is a step forward, not a branch: the rest of the path is kept.
        int next = -1;
        for (JsonNode a : client.ok("/api/state?" + at(opening, 5)).get("enabled")) {
            if (a.get("onPath").asBoolean()) {
                next = a.get("index").asInt();
            }
        }
        JsonNode forward = client.ok("/api/step?" + at(opening, 5) + "&action=" + next);
        assertEquals(6, forward.get("at").asInt());
        assertEquals(14, forward.get("length").asInt());
    }

    @Test
    void comparingWithTheStandardShowsBInSynReceived() {
        JsonNode c = client.ok("/api/compare?" + at(opening, 14) + "&other=rfc9293-rfc1337");
        assertEquals("rfc9293-rfc1337", c.at("/other/id").asText());
        assertEquals(14, c.get("replayed").asInt(), "every step of the path is possible on the standard");
        assertEquals(3, c.get("firstDifference").asInt(), "the first SYN's delivery");
        JsonNode row3 = c.get("rows").get(2);
        assertEquals("ESTABLISHED", row3.get("b").asText());
        assertEquals("SYN-RECEIVED", row3.get("otherB").asText());
        JsonNode row14 = c.get("rows").get(13);
        assertEquals("ESTABLISHED", row14.get("b").asText());
        assertEquals("SYN-RECEIVED", row14.get("otherB").asText(), "the old SYN leaves B in SYN-RECEIVED");
        assertEquals(3, c.at("/atDifference/step").asInt());
        assertEquals("SYN-RECEIVED", c.at("/atDifference/otherEndpoints/1/fields/0/value").asText());

        // Continuing on the standard, the witness "B back in LISTEN" is found from there.
        String other = c.get("otherQuery").asText();
        JsonNode there = client.ok("/api/state?" + other);
        assertEquals("SYN-RECEIVED", Client.field(there, "B", "state"));
        JsonNode done = find(other, Search.WITNESS + Witnesses.OLD_DUPLICATE_SYN);
        assertEquals("found", done.get("status").asText(), done.toString());
        JsonNode end = client.ok("/api/state?" + done.get("query").asText());
        assertEquals(14 + done.get("length").asInt(), end.get("at").asInt());
        assertEquals("LISTEN", Client.field(end, "B", "state"));
        assertTrue(end.at("/steps/" + (end.get("at").asInt() - 1) + "/action").asText().contains("RST"),
                "an RST brings B back to LISTEN");
    }

    static JsonNode find(String query, String target) {
        Client.Answer started = client.post("/api/find?" + query + "&target="
                + URLEncoder.encode(target, StandardCharsets.UTF_8), "");
        assertEquals(200, started.status(), started.body());
        int id = started.json().get("id").asInt();
        for (int i = 0; i < 1200; i++) {
            JsonNode j = client.ok("/api/find/" + id);
            if (!j.get("status").asText().equals("running")) {
                return j;
            }
            sleep(50);
        }
        throw new AssertionError("the search did not finish in 60 s");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void findsALivenessViolationAfterTheWholeSearch() {
        // Step 17 of the stored counterexample: the old SYN has established B, and only its SYN-ACK is in flight.
        // Lost, then four ticks and the end of A's TIME-WAIT: B waits for ever (the file's last 6 steps).
        String q = client.post("/api/counterexample", Client.read("two-way-handshake.eventually-closed.json")).json()
                .get("query").asText();
        JsonNode j = find(at(q, 17), "eventually-closed");
        assertEquals("found", j.get("status").asText(), j.toString());
        assertEquals(6, j.get("length").asInt(), j.toString());
        JsonNode end = client.ok("/api/state?" + j.get("query").asText());
        assertEquals("violated", Client.property(end, "eventually-closed").get("status").asText());
        assertEquals(end.get("at").asInt(), Client.property(end, "eventually-closed").get("step").asInt());
        // From the initial state of the standard it holds, and the search covers the space a check covers.
        JsonNode none = find("variant=rfc9293-rfc1337&L=0&Dup=0&D=0", "eventually-closed");
        assertEquals("none", none.get("status").asText(), none.toString());
        long states = Long.parseLong(none.get("message").asText().replaceAll(".*\\(([0-9,]+) states\\).*", "$1")
                .replace(",", ""));
        tcpcheck.properties.VariantReport check = new tcpcheck.properties.Verification().check(
                tcpcheck.model.Variant.RFC9293_RFC1337, DisabledActionsTest.bounds("L", "0", "Dup", "0", "D", "0"),
                List.of("eventually-closed"));
        assertEquals(check.statistics().states(), states, none.toString());
    }

    @Test
    void findReportsNothingWhereNothingIsReachable() {
        JsonNode j = find("variant=rfc9293-rfc1337&L=0&Dup=0&D=0", "no-stale-accept");
        assertEquals("none", j.get("status").asText());
        assertTrue(j.get("message").asText().startsWith("no path from step 0 violates no-stale-accept within these"
                + " bounds"), j.get("message").asText());
    }

    @Test
    void aSearchCanBeCancelled() {
        Client.Answer started = client.post("/api/find?variant=rfc9293-rfc1337&target=no-stale-accept", "");
        int id = started.json().get("id").asInt();
        JsonNode j = client.ok("/api/find/" + id);
        for (int i = 0; i < 200 && j.get("transitions").asLong() == 0; i++) {
            sleep(20);
            j = client.ok("/api/find/" + id);
        }
        assertTrue(j.get("transitions").asLong() > 0, "progress is reported: " + j);
        client.post("/api/find/" + id + "/cancel", "");
        for (int i = 0; i < 200 && !j.get("status").asText().equals("cancelled"); i++) {
            sleep(20);
            j = client.ok("/api/find/" + id);
        }
        assertEquals("cancelled", j.get("status").asText(), j.toString());
    }

    @Test
    void aFileSentByThePageOpensAtItsFirstStep() {
        Client.Answer a = client.post("/api/counterexample", Client.read("three-way-close.no-data-loss.json"));
        assertEquals(200, a.status(), a.body());
        String q = a.json().get("query").asText();
        assertTrue(q.startsWith("variant=three-way-close&path="), q);
        assertTrue(q.endsWith("&at=0&property=no-data-loss"), q);
        JsonNode end = client.ok("/api/state?" + at(q, 9));
        assertEquals("violated", Client.property(end, "no-data-loss").get("status").asText());
    }

    /** Every stored counterexample opens, steps to its violation, and breaks its property at its last step only. */
    @Test
    void everyStoredCounterexampleStepsToItsViolation() throws Exception {
        List<String> files = new ArrayList<>();
        try (var s = java.nio.file.Files.list(Client.counterexamples())) {
            s.filter(p -> p.toString().endsWith(".json")).forEach(p -> files.add(p.getFileName().toString()));
        }
        assertEquals(18, files.size(), "17 cells and the textbook's lost-last-ACK story");
        for (String f : files) {
            CounterexampleFile.Counterexample cx;
            try {
                cx = CounterexampleFile.read(Client.read(f));
            } catch (CounterexampleFile.InvalidException e) {
                throw new AssertionError(f, e);
            }
            String q = client.post("/api/counterexample", Client.read(f)).json().get("query").asText();
            tcpcheck.properties.Timeline timeline = tcpcheck.properties.Timeline.of(
                    tcpcheck.properties.Replay.replay(cx).trace());
            for (int k = 0; k <= cx.length(); k++) {
                JsonNode s = client.ok("/api/state?" + at(q, k));
                // The segment the next step delivers is marked old exactly when the chart and the story call it so.
                tcpcheck.properties.Timeline.Copy delivered = k < cx.length() ? timeline.deliveredAt(k + 1) : null;
                if (delivered != null) {
                    JsonNode next = null;
                    for (JsonNode a : s.get("enabled")) {
                        if (a.get("onPath").asBoolean()) {
                            next = a;
                        }
                    }
                    assertEquals(delivered.name(), next.at("/segment/name").asText(), f + " step " + (k + 1));
                    assertEquals(delivered.old(), next.at("/segment/old").asBoolean(), f + " step " + (k + 1));
                }
                JsonNode p = Client.property(s, cx.property());
                boolean broke = false;
                String violation = null;
                for (JsonNode b : s.get("broke")) {
                    if (b.get("property").asText().equals(cx.property())) {
                        broke = true;
                        violation = b.get("violation").asText();
                    }
                }
                if (k < cx.length()) {
                    assertFalse(p.get("status").asText().startsWith("violated"), f + " step " + k + ": " + p);
                    assertFalse(broke, f + " step " + k);
                } else {
                    assertEquals("violated", p.get("status").asText(), f + ": " + p);
                    assertEquals(cx.part(), p.get("part").asText(), f);
                    assertTrue(broke, f + ": the explanation names " + cx.property());
                    assertEquals(storyOf(f).violation().text(tcpcheck.properties.Lang.EN), violation, f);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/state?variant=tcp-reno|unknown variant 'tcp-reno'; the variants are: rfc9293-rfc1337 (or rfc9293),",
        "/api/state?variant=rfc9293-rfc1337&path=5|step 1: action 5 does not exist; the enabled actions there are"
            + " numbered 0 to 0",
        "/api/state?variant=rfc9293-rfc1337&path=0.-1|step 2: action -1 does not exist",
        "/api/state?path=a.b|path must be action indices joined by dots (like 0.2.1), not 'a.b'",
        "/api/state?path=0&at=2|at must be a step from 0 to 1, not 2",
        "/api/state?at=x|at must be a step number, not 'x'",
        "/api/state?K=9|connections (K) must be between 1 and 7, not 9",
        "/api/state?MSL=two|parameter MSL must be a whole number, not 'two'",
        "/api/state?serverClosesFirst=yes|parameter serverClosesFirst must be true or false, not 'yes'",
        "/api/state?colour=red|unknown query parameter 'colour'",
        "/api/state?at=0&at=0|query parameter 'at' is given twice",
        "/api/state?property=liveness|unknown property 'liveness'; the properties are: agreement,",
        "/api/step?variant=rfc9293-rfc1337&at=0&action=3|step 1: action 3 does not exist",
        "/api/step?variant=rfc9293-rfc1337&at=0|step needs action, the index of an enabled action",
        "/api/compare?variant=rfc9293-rfc1337|compare needs other, the variant to replay the path on",
        "/api/compare?other=tcp-vegas|unknown variant 'tcp-vegas'",
        "/api/find/999|no search numbered 999"})
    void aBadRequestIsA400WithAMessage(String request, String message) {
        Client.Answer a = client.get(request);
        assertEquals(400, a.status(), a.body());
        String error = a.json().get("error").asText();
        assertTrue(error.startsWith(message), error);
        assertFalse(a.body().contains("\tat ") || a.body().contains("Exception"), "no stack trace: " + a.body());
    }

    @Test
    void badFilesAndTargetsAre400s() {
        Client.Answer notJson = client.post("/api/counterexample", "/etc/passwd");
        assertEquals(400, notJson.status());
        assertTrue(notJson.json().get("error").asText().startsWith("not a valid counterexample: not JSON"),
                notJson.body());
        Client.Answer empty = client.post("/api/counterexample", "");
        assertEquals("not a valid counterexample: the file is empty", empty.json().get("error").asText());
        Client.Answer huge = client.post("/api/counterexample", " ".repeat(Explorer.MAX_UPLOAD + 1));
        assertEquals(400, huge.status());
        assertEquals("the file is larger than 64 MiB: not a counterexample", huge.json().get("error").asText());
        Client.Answer target = client.post("/api/find?variant=rfc9293-rfc1337&target=speed", "");
        assertEquals(400, target.status());
        assertTrue(target.json().get("error").asText().startsWith("unknown property 'speed'"), target.body());
    }

    @Test
    void anythingElseIsA404OrA405() {
        assertEquals(404, client.get("/api/nothing").status());
        assertEquals(404, client.get("/etc/passwd").status());
        assertEquals(404, client.get("/../pom.xml").status());
        assertEquals(405, client.get("/api/counterexample").status(), "a file is sent, never named");
        assertEquals(405, client.post("/api/state", "").status());
    }

    @Test
    void refusesAnotherHostOrOrigin() throws IOException {
        int port = explorer.address().getPort();
        // What a page of another site sends after rebinding its DNS name to 127.0.0.1: its own name as Host.
        assertTrue(raw("GET /api/config HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n").startsWith(
                "HTTP/1.1 403"));
        assertTrue(raw("GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:1\r\n").startsWith("HTTP/1.1 403"));
        assertTrue(raw("GET /api/config HTTP/1.1\r\nHost: localhost:" + port + "\r\n").startsWith("HTTP/1.1 403"));
        assertTrue(raw("GET /api/config HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").startsWith("HTTP/1.1 200"));
        HttpRequest crossSite = HttpRequest.newBuilder(explorer.address().resolve("/api/find?target=agreement"))
                .header("Origin", "http://attacker.example").POST(HttpRequest.BodyPublishers.noBody()).build();
        Client.Answer a = client.send(crossSite);
        assertEquals(403, a.status());
        assertTrue(a.json().get("error").asText().contains("'http://attacker.example' are not accepted"), a.body());
        HttpRequest sameOrigin = HttpRequest.newBuilder(explorer.address().resolve("/api/config"))
                .header("Origin", "http://127.0.0.1:" + port).build();
        assertEquals(200, client.send(sameOrigin).status());
    }

    /** A request written by hand (the JDK's client sets Host itself), and the answer's first line. */
    static String raw(String requestHead) throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", explorer.address().getPort())) {
            s.getOutputStream().write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        Client.Answer page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.response().headers().firstValue("Content-Security-Policy").orElse("")
                .startsWith("default-src 'none'; script-src 'self'"));
        for (String f : new String[] {"/", "/explorer.js", "/explorer.css"}) {
            String body = client.get(f).body();
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn"),
                    f + " names no address outside the explorer");
        }
    }
}
