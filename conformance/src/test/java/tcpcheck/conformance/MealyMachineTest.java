package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MealyMachineTest {

    /** The counts of the learned machines' README: every machine complete and deterministic. */
    @Test
    void theSixLearnedMachinesAreReadWithTheirStatesAndInputs() {
        Object[][] expected = {
            {"linux", Role.CLIENT, 15, 10}, {"linux", Role.SERVER, 57, 12},
            {"freebsd", Role.CLIENT, 12, 10}, {"freebsd", Role.SERVER, 55, 13},
            {"windows8", Role.CLIENT, 13, 10}, {"windows8", Role.SERVER, 38, 13}};
        for (Object[] e : expected) {
            MealyMachine m = LearnedConformance.machine((String) e[0], (Role) e[1]);
            assertEquals(e[2], m.states().size(), e[0] + " " + e[1]);
            assertEquals(e[3], m.inputs().size(), e[0] + " " + e[1]);
            assertEquals("s0", m.initial());
        }
    }

    @Test
    void anEdgeGivesItsOutputAndNextState() throws Exception {
        MealyMachine m = LearnedConformance.machine("linux", Role.CLIENT);
        assertEquals(new MealyMachine.Transition("SYN(FRESH,ZERO,0)", "s2"), m.step("s0", "CONNECT"));
        assertEquals(new MealyMachine.Transition("ACK(NEXT,NEXT,0)", "s4"), m.step("s2", "SYN+ACK(V,V,0)"));
        assertTrue(m.inputs().containsAll(List.of("CONNECT", "CLOSE", "RCV", "RST(V,V,0)")));
    }

    @Test
    void aFileThatIsNotSuchAMachineIsRefusedWithTheLine() {
        String ok = "digraph G {\ns0 -> s1[label=\"A / X\"]\ns1 -> s1[label=\"A / Y\"]\n__start0 -> s0;\n}\n";
        assertEquals(2, assertDoesNotThrow(ok).states().size());
        MealyMachine.FormatException e = assertThrows(MealyMachine.FormatException.class,
                () -> MealyMachine.parseDot("s0 -> s1[label=\"A / X\"]\n", "f.dot"));
        assertEquals("f.dot: no initial state (__start0 -> …)", e.getMessage());
        e = assertThrows(MealyMachine.FormatException.class, () -> MealyMachine.parseDot(
                "s0 -> s0[label=\"A / X\"]\ns0 -> s0[label=\"A / Y\"]\n__start0 -> s0;\n", "f.dot"));
        assertEquals("f.dot:2: two edges from s0 on A", e.getMessage());
        e = assertThrows(MealyMachine.FormatException.class, () -> MealyMachine.parseDot(
                "s0 -> s1[label=\"A / X\"]\ns1 -> s1[label=\"B / Y\"]\ns0 -> s0[label=\"B / Y\"]\n__start0 -> s0;\n",
                "f.dot"));
        assertEquals("f.dot: state s1 has no edge on A", e.getMessage());
        e = assertThrows(MealyMachine.FormatException.class,
                () -> MealyMachine.parseDot("s0 -> s0[label=\"A X\"]\n__start0 -> s0;\n", "f.dot"));
        assertEquals("f.dot:1: a label without ' / ': A X", e.getMessage());
    }

    private static MealyMachine assertDoesNotThrow(String text) {
        try {
            return MealyMachine.parseDot(text, "ok.dot");
        } catch (MealyMachine.FormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
