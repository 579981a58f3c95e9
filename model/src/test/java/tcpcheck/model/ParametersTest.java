package tcpcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametersTest {

    @Test
    void defaultsAreSpecSection4() {
        Parameters p = Parameters.defaults();
        assertEquals("{K=1, D=1, L=1, Dup=1, C=4, S=8, I=2, MSL=2, RTO=2, R=2, T=4, Crash=0, serverClosesFirst=false,"
                + " aOpens=active, bOpens=passive}", p.describe(Variant.RFC9293_RFC1337).toString());
        assertEquals(2, p.incarnations().connections());
        assertEquals(0, Variant.NO_TIME_WAIT.timeWait(p));
        assertEquals(2, Variant.SHORT_TIME_WAIT.timeWait(p));
        assertEquals(4, Variant.RFC9293_TEXT.timeWait(p));
        assertEquals(1, Variant.RFC9293_RFC1337.timeWait(p.with(Parameter.TIME_WAIT, 1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "rto;0;rto (RTO) must be between 1 and 15, not 0",
        "losses;-1;losses (L) must be between 0 and 15, not -1",
        "connections;8;connections (K) must be between 1 and 7, not 8",
        "msl;0;msl (MSL) must be between 1 and 15, not 0",
        "capacity;0;capacity (C) must be between 1 and 16, not 0"})
    void badValuesNameTheParameterAndItsRange(String name, int value, String message) {
        Parameters d = Parameters.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.with(Parameter.byKey(name), value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void isnChoicesLargerThanTheSpaceOrNotDividingItAreRefused() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Parameters.defaults().with(Parameter.ISN_CHOICES, 9));
        assertEquals("isn-choices (I) must be between 2 and 8, not 9", big.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> Parameters.defaults().with(Parameter.ISN_CHOICES, 3));
        assertTrue(odd.getMessage().startsWith("isn-choices (I) must divide seq-space (S)"));
    }

    @Test
    void unknownVariantListsTheNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variant.named("tcp-fast"));
        assertTrue(e.getMessage().contains("rfc9293-rfc1337 (or rfc9293), two-way-handshake"));
    }
}
