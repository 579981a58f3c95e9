package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.model.Variant;

class LearnedConformanceTest {

    /**
     * The six comparisons: input words compared, pairs of states, longest word, distinguishing words (each search
     * closes), and every distinguishing word explained by learned-differences.json, with no entry left over.
     */
    @Test
    void everyDistinguishingWordOfTheSixMachinesIsExplained() {
        LearnedReport r = LearnedConformance.run(LearnedConformance.STACKS, List.of(Role.CLIENT, Role.SERVER));
        long[][] expected = {
            {160, 16, 6, 26}, {948, 79, 14, 190}, {150, 15, 6, 32}, {962, 74, 14, 194}, {170, 17, 6, 53},
            {975, 75, 10, 290}};
        assertEquals(6, r.results().size());
        for (int i = 0; i < 6; i++) {
            LearnedComparison.Result m = r.results().get(i);
            String name = m.stack() + " " + m.role().label();
            assertTrue(m.complete(), name);
            assertEquals(expected[i][0], m.wordsCompared(), name + " words compared");
            assertEquals(expected[i][1], m.pairs(), name + " pairs");
            assertEquals(expected[i][2], m.depth(), name + " longest word");
            assertEquals(expected[i][3], m.words().size(), name + " distinguishing words");
        }
        assertEquals(List.of(), r.unexplained().stream().map(LearnedComparison.Word::text).toList());
        assertEquals(List.of(), r.staleExplanations());
        assertEquals(0, r.exitCode());
    }

    @Test
    void theWordsAreShortest() {
        LearnedComparison.Result m = LearnedComparison.compare("linux", Role.CLIENT,
                LearnedConformance.machine("linux", Role.CLIENT), new Projection(Variant.RFC9293_RFC1337, Role.CLIENT),
                LearnedConformance.MAX_LENGTH);
        // The shortest: the learner's CLOSE of a fresh socket, then CONNECT; no word of one input distinguishes.
        assertEquals("CLOSE CONNECT", m.words().get(0).text());
        assertTrue(m.words().stream().allMatch(w -> w.inputs().size() >= 2));
        for (LearnedComparison.Word w : m.words()) {
            // No proper prefix distinguishes: replaying it, the two agree at every step.
            MealyMachine machine = LearnedConformance.machine("linux", Role.CLIENT);
            Projection p = new Projection(Variant.RFC9293_RFC1337, Role.CLIENT);
            String s = machine.initial();
            Projection.Config c = p.initial();
            for (int i = 0; i < w.inputs().size(); i++) {
                MealyMachine.Transition t = machine.step(s, w.inputs().get(i));
                Projection.Answer a = p.step(c, w.inputs().get(i));
                boolean last = i == w.inputs().size() - 1;
                assertEquals(!last, t.output().equals(a.output()), w.text() + " at " + i);
                s = t.next();
                c = a.next();
            }
        }
    }

    @Test
    void theJsonHasEveryMachineAndWord() throws Exception {
        LearnedReport r = LearnedConformance.run(List.of("windows8"), List.of(Role.CLIENT));
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertEquals(1, j.path("machines").size());
        JsonNode m = j.path("machines").get(0);
        assertEquals("windows8", m.path("stack").asText());
        assertEquals(170, m.path("wordsCompared").asInt());
        assertEquals(53, m.path("distinguishing").size());
        assertEquals("windows-no-rst", m.path("distinguishing").get(0).path("explanation").asText());
        assertEquals(0, j.path("exitCode").asInt());
        assertTrue(r.text().contains("windows8  client       13      10             170"), r.text());
    }
}
