package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tcpcheck.model.Variant;

/**
 * The manifest of expected figures (src/test/resources/manifest.json, in the manner of tlaplus/Examples'
 * manifest.json): for every variant at the default bounds, the distinct states, transitions, depth, states at the
 * capacity bound, the most segments in flight, and every verdict cell, "·" cells included, with its counterexample
 * length. A change that grows or shrinks a state space or moves a verdict must update the manifest on purpose.
 */
class ManifestTest {

    static Stream<Variant> variants() {
        return Stream.of(Variant.values());
    }

    private static JsonNode manifest() throws IOException {
        try (InputStream in = ManifestTest.class.getResourceAsStream("/manifest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void figuresAndCellsAsRecorded(Variant v) throws IOException {
        JsonNode m = manifest().get("variants").get(v.id());
        VariantReport r = Reports.defaults(v);
        assertEquals(m.get("states").asLong(), r.statistics().states(), "states");
        assertEquals(m.get("transitions").asLong(), r.statistics().transitions(), "transitions");
        assertEquals(m.get("depth").asInt(), r.statistics().depth(), "depth");
        assertEquals(m.get("boundaryStates").asLong(), r.statistics().boundaryStates(), "states at the boundary");
        assertEquals(m.get("maxInFlight").asLong(), r.maxInFlight(), "most in flight");
        for (PropertyVerdict p : r.results()) {
            String cell = p.verdict().name() + (p.length() >= 0 ? " " + p.length() : "");
            assertEquals(m.get("cells").get(p.property()).asText(), cell, p.property());
        }
    }
}
