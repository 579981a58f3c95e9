package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * The row rfc9293-rfc1337 of docs/specification.md (Verdicts) (also K=2), checked with the incarnations profile: two connections one after the
 * other, so that an old segment of the first can meet the second. Every property holds, in one exhaustive search
 * of 91,549,958 states (about 4 minutes on two cores) in a heap of 4 GB (properties/pom.xml): the visited table takes
 * about 0.85 GB, and the graph that liveness needs is in temporary files.
 * The counts are the manifest's for this profile: a change that grows or shrinks the space must update them on
 * purpose. (The row rfc9293-text with K = 2 is all "·" and larger than the memory of a 24 GB machine; model/README.md
 * records what the command computed for it.)
 */
class IncarnationsTest {

    @Test
    void rfc9293WithTwoConnectionsHoldsEverywhere() {
        Parameters k2 = Parameters.defaults().incarnations();
        assertEquals(2, k2.connections());
        VariantReport r = new Verification().threads(2).check(Variant.RFC9293_RFC1337, k2, TcpProperties.NAMES);
        assertNull(r.incompleteReason());
        for (String p : TcpProperties.NAMES) {
            assertEquals(SpecTable.expected(Variant.RFC9293_RFC1337, p).orElseThrow(), r.result(p).verdict(), p);
            assertEquals(Verdict.HOLDS, r.result(p).verdict(), p);
        }
        assertEquals(91_549_958, r.statistics().states());
        assertEquals(551_809_725, r.statistics().transitions());
        assertEquals(109, r.statistics().depth());
        assertEquals(21_937_514, r.statistics().boundaryStates());
        assertEquals(4, r.maxInFlight());
        // A give-up is not a graceful close, and loses the units not yet delivered: reported apart, after an abort.
        assertEquals(Verdict.VIOLATED, r.result(TcpProperties.GRACEFUL_CLOSE).afterAbort());
        assertEquals(45, r.result(TcpProperties.GRACEFUL_CLOSE).afterAbortTrace().length());
        assertEquals(Verdict.VIOLATED, r.result(TcpProperties.NO_DATA_LOSS).afterAbort());
        assertEquals(45, r.result(TcpProperties.NO_DATA_LOSS).afterAbortTrace().length());
    }
}
