package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC scenarios of scenarios/ (RFC 9293's figures, RFC 1337's hazards, RFC 5961's challenge ACKs), written from
 * the RFCs' text: each replays with every expectation met, matches the format's JSON Schema, and is listed in the
 * folder's README. ({@link MutatedModelTest} shows that a model with a protocol bug the verdict table does not see
 * fails some of them.)
 */
class ScenariosTest {
    static final Path FOLDER = Path.of("..", "scenarios");

    static Stream<Path> scenarios() throws IOException {
        return ScenarioRunner.files(FOLDER).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replaysWithEveryExpectationMet(Path file) throws Exception {
        String text = Files.readString(file);
        CounterexampleFile.Counterexample cx = CounterexampleFile.read(text);
        assertEquals(2, cx.version());
        assertNotNull(cx.title(), "a title");
        assertNotNull(cx.source(), "a source");
        assertTrue(cx.expectations().size() >= 3, "expectations");
        Replay.Outcome o = Replay.replay(cx);
        assertTrue(o.reproduces(), o.reason());
        assertEquals(cx.length(), o.trace().length());
        assertEquals(List.of(), Schemas.errors(text), "the schema");
    }

    /** Every scenario has its line in scenarios/README.md, and every file the README names exists. */
    @Test
    void theReadmeMapsEveryFile() throws IOException {
        String readme = Files.readString(FOLDER.resolve("README.md"));
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("\\(([a-z0-9.-]+\\.json)\\)").matcher(readme);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> files = new TreeSet<>();
        for (Path f : ScenarioRunner.files(FOLDER)) {
            files.add(f.getFileName().toString());
        }
        assertEquals(files, named);
        assertEquals(18, files.size());
    }

    /** The counterexamples the folder counterexamples/ holds (version 1) match the schema too. */
    @Test
    void storedCounterexamplesMatchTheSchema() throws IOException {
        int n = 0;
        for (Path f : ScenarioRunner.files(Path.of("..", "counterexamples"))) {
            assertEquals(List.of(), Schemas.errors(Files.readString(f)), f.toString());
            n++;
        }
        assertEquals(17, n);
    }

    /**
     * The reader and the schema refuse the same broken version-2 files, the reader with one line that names the field.
     * Each case changes one field of the Figure 6 scenario.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"title\": \"Basic|\"titel\": \"Basic|unknown field 'titel'",
        "\"K\": 1|\"K\": \"1\"|field 'parameters.K': K must be a whole number, not \"1\"",
        "\"aOpens\": \"active\"|\"aOpens\": \"sometimes\"|field 'parameters.aOpens': aOpens: unknown opening 'sometimes'",
        "\"step\": 1,|\"step\": -1,|field 'expect[2].step' must be a whole number from 0 to 6, not -1",
        "\"state\": \"SYN-SENT\"|\"state\": \"SYN_SENT\"|field 'expect[2].state' must be a state of RFC 9293",
        "\"ISS\": 0|\"ISN\": 0|unknown field 'expect[2].variables.ISN'",
        "\"seq\": 0,|\"seq\": 300,|field 'actions[1].segment.seq' must be a whole number from 0 to 7, not 300",
        "\"kind\": \"OPEN\"|\"kind\": \"CONNECT\"|field 'actions[0].kind': unknown action kind 'CONNECT'",
        "\"delivered\": 1|\"delivered\": true|field 'expect[7].application.delivered' must be a whole number"})
    void brokenFilesAreRefusedByTheReaderAndTheSchema(String from, String to, String message) throws IOException {
        String good = Files.readString(FOLDER.resolve("rfc9293-fig6-three-way-handshake.json"));
        assertTrue(good.contains(from), from);
        String bad = good.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
        CounterexampleFile.InvalidException e = assertThrows(CounterexampleFile.InvalidException.class,
                () -> CounterexampleFile.read(bad));
        assertTrue(e.getMessage().startsWith(message) || e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(Schemas.errors(bad).isEmpty(), "the schema refuses it too");
    }


}
