package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.Checker;
import tcpcheck.model.TcpModel;

/**
 * The RFC scenarios catch a protocol bug that the verdict table does not see. (Apart from {@link ScenariosTest} so
 * that mutation testing, which runs the scenarios against its own mutants, does not compile this one each time.)
 */
class MutatedModelTest {
    private static final Path FOLDER = ScenariosTest.FOLDER;

    /**
     * The mutant the verdict table does not see: SYN-SENT drops an unacceptable ACK silently instead of answering
     * {@code <SEQ=SEG.ACK><CTL=RST>} (RFC 9293 3.10.7.3). It gives every verdict of the standard variant as before;
     * the four scenarios that need that RST fail with it (Figures 8 and 9, and RFC 5961's two), each at the step that
     * delivers the RST it no longer sends. The mutant is compiled from the model's own source with that one
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
        assertEquals(List.of("rfc5961-rst-in-window-challenge-ack.json", "rfc5961-syn-challenge-ack.json",
                "rfc9293-fig8-recovery-from-old-duplicate-syn.json", "rfc9293-fig9-half-open-discovery.json"), names,
                failed.toString());
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
