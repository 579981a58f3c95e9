package tcpcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Variant names: the current ones, and the old ones kept as aliases. (What each does with an RST in TIME-WAIT: SegmentArrivesTest.) */
class VariantTest {

    @Test
    void oldNamesAreAliases() {
        assertEquals(Variant.RFC9293_RFC1337, Variant.named("rfc9293-rfc1337"));
        assertEquals(Variant.RFC9293_RFC1337, Variant.named("rfc9293"));
        assertEquals(Variant.RFC9293_TEXT, Variant.named("rfc9293-text"));
        assertEquals(Variant.RFC9293_TEXT, Variant.named("rfc793-time-wait"));
        for (Variant v : Variant.values()) {
            assertEquals(v, Variant.named(v.id()));
        }
    }

    /** The description of each of the two says which RFC text it follows, and the standard names RFC 1337. */
    @Test
    void descriptionsSayWhichTextTheyFollow() {
        assertTrue(Variant.RFC9293_RFC1337.description().contains("RFC 1337's first fix"));
        assertTrue(Variant.RFC9293_RFC1337.description().contains("does not adopt"));
        assertTrue(Variant.RFC9293_TEXT.description().contains("RFC 9293's text as written (3.10.7.4"));
        assertTrue(Variant.RFC9293_TEXT.description().contains("net.ipv4.tcp_rfc1337 = 0"));
        assertFalse(Variant.RFC9293_TEXT.id().contains("793"));
    }
}
