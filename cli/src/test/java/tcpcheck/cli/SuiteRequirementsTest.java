package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Item 16: README.md says what the test suite needs (the largest heap any module's tests are given, tshark,
 * chromium), and without tshark the build stops before the properties module's tests with one line saying so.
 */
class SuiteRequirementsTest {
    private static final Path ROOT = Path.of("..");

    /** The largest -Xmx any module's tests run with, in GB. */
    static int largestTestHeap() throws Exception {
        int max = 0;
        try (Stream<Path> poms = Files.walk(ROOT, 2)) {
            for (Path pom : (Iterable<Path>) poms.filter(p -> p.getFileName().toString().equals("pom.xml"))::iterator) {
                Matcher m = Pattern.compile("<argLine>[^<]*-Xmx([0-9]+)g").matcher(Files.readString(pom));
                while (m.find()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max;
    }

    @Test
    void theReadmeSaysWhatTheSuiteNeeds() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### What the test suite needs"),
                readme.indexOf("## What `justify` prints"));
        int heap = largestTestHeap();
        assertTrue(heap >= 4, "some module's tests set a heap");
        assertTrue(section.contains("**Memory: a " + heap + " GB heap**"), section);
        assertTrue(section.contains("`tshark`"), section);
        assertTrue(section.contains("`chromium`"), section);
    }

    /** The check the properties module runs before its tests, taken from its pom and run without tshark. */
    @Test
    void withoutTsharkTheBuildSaysSoInOneLine() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("properties/pom.xml").toFile()).getDocumentElement();
        NodeList executions = project.getElementsByTagName("execution");
        String script = null;
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            if (e.getElementsByTagName("id").item(0).getTextContent().equals("tshark")) {
                assertEquals("process-test-classes", e.getElementsByTagName("phase").item(0).getTextContent(),
                        "before the tests");
                NodeList a = e.getElementsByTagName("argument");
                script = a.item(a.getLength() - 1).getTextContent();
            }
        }
        assertTrue(script != null, "the properties module checks for tshark");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().put("PATH", "/nonexistent");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertEquals(List.of("tcpcheck's tests need Wireshark's tshark to read captures back, and it is not on the "
                + "PATH: install it (apt-get install tshark; .ci/run does)"), err.lines().toList());
        Process found = new ProcessBuilder("/bin/sh", "-c", script).start();
        assertTrue(found.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, found.exitValue(), "tshark is installed here");
    }
}
