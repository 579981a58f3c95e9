package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tcpcheck.checker.Checker;
import tcpcheck.model.TcpModel;

/**
 * The RFC scenarios of scenarios/ (RFC 9293's figures, RFC 1337's hazards, RFC 5961's challenge ACKs), written from
 * the RFCs' text: each replays with every expectation met, matches the format's JSON Schema, and is listed in the
 * folder's README; a model with a protocol bug that the verdict table does not see fails one of them.
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

    /**
     * The mutant the verdict table does not see: SYN-SENT drops an unacceptable ACK silently instead of answering
     * {@code <SEQ=SEG.ACK><CTL=RST>} (RFC 9293 3.10.7.3). It gives every verdict of the standard variant as before;
     * the scenarios of Figures 8 and 9 fail with it. The mutant is compiled from the model's own source with that one
     * change, and the scenarios run in a class loader that holds it.
     */
    @Test
    void aModelThatDropsAnUnacceptableAckInSynSentFailsScenarios(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), ScenarioRunner.failing(FOLDER), "the model as it is");
        Path source = Path.of("..", "model", "src", "main", "java", "tcpcheck", "model", "SegmentArrives.java");
        String original = Files.readString(source);
        String correct = "return seg.rst() ? Arrival.drop(tcb) : Arrival.of(tcb, List.of(Segment.rst(seg.ackNo())));";
        assertEquals(1, original.split(Pattern.quote(correct), -1).length - 1, "the line to mutate, once");
        Path src = dir.resolve("src/tcpcheck/model/SegmentArrives.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, original.replace(correct, "return Arrival.drop(tcb);"));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = location(TcpModel.class) + java.io.File.pathSeparator + location(Checker.class);
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-classpath", classpath,
                "-nowarn", src.toString()), "the mutant compiles");
        ClassLoader mutant = new MutantLoader(classes, ScenariosTest.class.getClassLoader());
        Method failing = mutant.loadClass(ScenarioRunner.class.getName()).getMethod("failing", Path.class);
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) failing.invoke(null, FOLDER);
        List<String> names = new ArrayList<>();
        for (String f : failed) {
            names.add(f.substring(0, f.indexOf(':')));
        }
        assertTrue(names.contains("rfc9293-fig8-recovery-from-old-duplicate-syn.json"), failed.toString());
        assertTrue(names.contains("rfc9293-fig9-half-open-discovery.json"), failed.toString());
        assertTrue(failed.stream().allMatch(f -> f.contains("is not enabled")), failed.toString());
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Loads tcpcheck's classes itself, the mutated ones from their folder and the others from the parent's files. */
    private static final class MutantLoader extends ClassLoader {
        private final Path mutated;

        MutantLoader(Path mutated, ClassLoader parent) {
            super(parent);
            this.mutated = mutated;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("tcpcheck.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String file = name.replace('.', '/') + ".class";
                    try {
                        Path m = mutated.resolve(file);
                        byte[] bytes;
                        if (Files.exists(m)) {
                            bytes = Files.readAllBytes(m);
                        } else {
                            try (InputStream in = getParent().getResourceAsStream(file)) {
                                if (in == null) {
                                    throw new ClassNotFoundException(name);
                                }
                                bytes = in.readAllBytes();
                            }
                        }
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return getParent().getResourceAsStream(name);
        }
    }
}
