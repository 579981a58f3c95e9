package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 17: the CI workflow runs {@code tcpcheck check} with {@code --junit} and {@code --out}, uploads what that
 * command writes and the report even when it fails, and publishes the JUnit report it writes. The command is taken
 * from the workflow and run (with a state limit, so that it is quick), and what it writes is where the workflow looks.
 */
class WorkflowTest {
    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "tcpcheck.yml");

    @TempDir
    Path dir;

    @Test
    void theWorkflowUploadsAndPublishesWhatItsCommandWrites() throws Exception {
        JsonNode wf = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        JsonNode steps = wf.get("jobs").get("check").get("steps");
        JsonNode check = null;
        JsonNode upload = null;
        JsonNode publish = null;
        for (JsonNode s : steps) {
            String run = s.path("run").asText();
            String uses = s.path("uses").asText();
            if (run.contains("./tcpcheck check")) {
                check = s;
            } else if (uses.startsWith("actions/upload-artifact@")) {
                upload = s;
            } else if (uses.startsWith("mikepenz/action-junit-report@")) {
                publish = s;
            }
        }
        assertTrue(check != null && upload != null && publish != null, wf.toString());
        assertEquals("bash", check.get("shell").asText(), "bash -eo pipefail: tee keeps tcpcheck's exit code");
        assertEquals("always()", upload.get("if").asText());
        assertEquals("always()", publish.get("if").asText());

        String line = check.get("run").asText().lines().filter(l -> l.startsWith("./tcpcheck check")).findFirst()
                .orElseThrow();
        String[] words = line.split("\\|")[0].trim().split("\\s+");
        String report = line.split("\\|")[1].trim().replace("tee ", "");
        List<String> args = new ArrayList<>();
        String junit = null;
        String out = null;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (i > 1 && (words[i - 1].equals("--junit") || words[i - 1].equals("--out"))) {
                if (words[i - 1].equals("--junit")) {
                    junit = w;
                } else {
                    out = w;
                }
                w = dir.resolve(w).toString();
            }
            args.add(w);
        }
        assertTrue(junit != null && out != null, line);
        List<String> uploaded = upload.get("with").get("path").asText().lines().map(String::trim)
                .map(p -> p.replaceAll("/$", "")).toList();
        assertEquals(List.of(out, report, junit), uploaded);
        assertEquals(junit, publish.get("with").get("report_paths").asText());

        args.add("--max-states");
        args.add("3000");
        Cli.Run r = Cli.run(args.toArray(new String[0]));
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve(junit)), "the JUnit report is where the workflow publishes it");
        assertTrue(Files.isDirectory(dir.resolve(out)), "the counterexamples' folder is where it uploads it");
        assertTrue(Files.readString(dir.resolve(junit)).contains("<testsuite "));
    }
}
