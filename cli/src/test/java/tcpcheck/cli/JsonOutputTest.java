package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items 13 and 14: one JSON schema for every command ({@code tcpcheck-output.schema.json}, documented in README.md),
 * with numbers as numbers, booleans as booleans, one shape of results, and the limit that left a result incomplete.
 * Every line every command prints is validated against the schema file.
 */
class JsonOutputTest {
    static final Schema schema = load();

    @TempDir
    Path dir;

    private static Schema load() {
        try (InputStream in = JsonOutputTest.class.getResourceAsStream("/tcpcheck-output.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Json.MAPPER.readTree(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every line of a command's output, each checked against the schema. */
    static List<JsonNode> records(Cli.Run r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode n = Json.MAPPER.readTree(line);
            assertEquals(List.of(), schema.validate(n), line);
            out.add(n);
        }
        return out;
    }

    /** The schema is strict: a parameter as a string, an unknown field or a missing result field is refused. */
    @Test
    void theSchemaRefusesWhatItDoesNotDescribe() throws Exception {
        JsonNode good = records(Cli.run(OutputFilesTest.with(OutputFilesTest.SMALL_VIOLATION, "--format",
                "json"))).get(0);
        ObjectNode asString = good.deepCopy();
        ((ObjectNode) asString.get("parameters")).put("K", "1");
        assertFalse(schema.validate(asString).isEmpty());
        ObjectNode extra = good.deepCopy();
        extra.put("properties", "{}");
        assertFalse(schema.validate(extra).isEmpty());
        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.get("results").get(0)).remove("afterAbort");
        assertFalse(schema.validate(missing).isEmpty());
    }

    /** check: a variant record per variant, numbers and booleans typed, then the summary with the files written. */
    @Test
    void checkFollowsTheSchema() throws Exception {
        Path out = dir.resolve("out");
        List<JsonNode> rs = records(Cli.run(OutputFilesTest.with(OutputFilesTest.SMALL_VIOLATION, "--format", "json",
                "--out", out.toString())));
        assertEquals(2, rs.size());
        JsonNode v = rs.get(0);
        assertTrue(v.get("parameters").get("K").isIntegralNumber());
        assertTrue(v.get("parameters").get("serverClosesFirst").isBoolean());
        assertTrue(v.get("complete").asBoolean());
        assertTrue(v.get("incomplete").isNull());
        JsonNode res = v.get("results").get(0);
        assertEquals("VIOLATED", res.get("verdict").asText());
        assertEquals(10, res.get("counterexampleLength").asInt());
        assertEquals(4, res.get("files").size());
        assertEquals(out.resolve("two-way-handshake.no-stale-accept.json").toString(), res.get("files").get(0)
                .asText());
        JsonNode summary = rs.get(1);
        assertEquals("summary", summary.get("record").asText());
        assertEquals(1, summary.get("exit").asInt());
        assertEquals(res.get("files"), summary.get("files"));
    }

    /** Item 13: an incomplete result says which limit cut it short. */
    @Test
    void anIncompleteResultNamesItsLimit() throws Exception {
        List<JsonNode> rs = records(Cli.run("check", "--variant", "rfc9293-rfc1337", "--property", "agreement",
                "--max-states", "5000", "--format", "json"));
        JsonNode v = rs.get(0);
        assertFalse(v.get("complete").asBoolean());
        assertEquals("max-states", v.get("incomplete").get("limit").asText());
        assertEquals("state limit of 5000 reached", v.get("incomplete").get("reason").asText());
        assertEquals("INCOMPLETE", v.get("results").get(0).get("verdict").asText());
        assertEquals(3, rs.get(1).get("exit").asInt());
    }

    /**
     * A search cut short after the violation was found but before the verdict after an abort was decided is not
     * complete: the record says so and names the limit (the violation is 14 actions deep, the whole space 759,472
     * states).
     */
    @Test
    void anUndecidedVerdictAfterAnAbortIsIncomplete() throws Exception {
        List<JsonNode> rs = records(Cli.run("check", "--variant", "two-way-handshake", "--property",
                "no-stale-accept", "--max-states", "200000", "--format", "json"));
        JsonNode v = rs.get(0);
        assertEquals("VIOLATED", v.get("results").get(0).get("verdict").asText());
        assertEquals(14, v.get("results").get(0).get("counterexampleLength").asInt());
        assertEquals("INCOMPLETE", v.get("results").get(0).get("afterAbort").asText());
        assertFalse(v.get("complete").asBoolean(), v.toString());
        assertEquals("max-states", v.get("incomplete").get("limit").asText());
        assertEquals(1, rs.get(1).get("exit").asInt(), "a violation found is exit 1 all the same");
    }

    /** Item 13: simulate writes parameters as numbers and the same results array as check. */
    @Test
    void simulateFollowsTheSchema() throws Exception {
        List<JsonNode> rs = records(Cli.run("simulate", "--variant", "two-way-handshake", "--property",
                "no-stale-accept", "--property", "agreement", "--runs", "300", "--format", "json"));
        JsonNode v = rs.get(0);
        assertEquals(1, v.get("parameters").get("K").intValue());
        assertTrue(v.get("parameters").get("K").isIntegralNumber(), "a number, not \"1\"");
        assertEquals("no-stale-accept", v.get("results").get(0).get("property").asText());
        assertEquals("VIOLATED", v.get("results").get(0).get("verdict").asText());
        assertEquals("NOT_FOUND", v.get("results").get(1).get("verdict").asText());
        assertTrue(v.get("results").get(1).get("counterexampleLength").isNull());
        assertEquals(1, rs.get(1).get("exit").asInt());
    }

    /** Item 14: justify, sweep and list have --format json, in the same schema. */
    @Test
    void justifySweepAndListFollowTheSchema() throws Exception {
        List<JsonNode> justify = records(Cli.run("justify", "--max-states", "100", "--format", "json"));
        assertEquals(8, justify.size());
        JsonNode twoWay = justify.get(1);
        assertEquals("two-way-handshake", twoWay.get("variant").asText());
        assertEquals("VIOLATED", twoWay.get("results").get(1).get("expected").asText());
        assertTrue(twoWay.get("results").get(1).get("agrees").isNull(), "undecided");
        assertTrue(twoWay.get("results").get(0).get("expected").isNull(), "no expected verdict");
        assertEquals(3, justify.get(7).get("exit").asInt());

        List<JsonNode> sweep = records(Cli.run("sweep", "--msl", "1", "--T", "0,2", "--format", "json"));
        assertEquals(3, sweep.size());
        assertEquals(0, sweep.get(0).get("parameters").get("T").asInt());
        assertEquals("VIOLATED", sweep.get(0).get("results").get(0).get("verdict").asText());
        assertEquals("VIOLATED", sweep.get(0).get("results").get(0).get("expected").asText());
        assertTrue(sweep.get(0).get("results").get(0).get("agrees").asBoolean());
        assertEquals("HOLDS", sweep.get(1).get("results").get(0).get("verdict").asText());
        assertTrue(sweep.get(1).get("complete").asBoolean());
        assertEquals("T >= RTO + MSL", sweep.get(1).get("boundary").asText());
        assertEquals(0, sweep.get(2).get("exit").asInt());

        List<JsonNode> list = records(Cli.run("list", "--format", "json"));
        assertEquals(1, list.size());
        assertEquals(7, list.get(0).get("variants").size());
        assertEquals(0, list.get(0).get("variants").get(4).get("parameters").get("T").asInt(), "no-time-wait's T");
        assertEquals(6, list.get(0).get("properties").size());
    }

    /** The examples of README.md's "JSON output" are records of the schema. */
    @Test
    void theReadmesExamplesFollowTheSchema() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### JSON output"), readme.indexOf("### In CI"));
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(section);
        int n = 0;
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                assertEquals(List.of(), schema.validate(Json.MAPPER.readTree(line)), line);
                n++;
            }
        }
        assertTrue(n >= 4, "the README shows a record of each kind: " + n);
    }
}
