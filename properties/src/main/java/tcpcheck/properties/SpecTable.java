package tcpcheck.properties;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Variant;

/**
 * The verdicts docs/specification.md (Verdicts) requires of the default check: HOLDS (✓) or VIOLATED (✗), or nothing for a cell
 * marked "·" (whatever the checker finds). Rows the specification marks (K=2) are also checked with the incarnations profile.
 */
public final class SpecTable {
    private static final Verdict Y = Verdict.HOLDS;
    private static final Verdict N = Verdict.VIOLATED;
    private static final Verdict ANY = null;

    private static final Map<Variant, Verdict[]> CELLS = Map.of(
            Variant.RFC9293_RFC1337, new Verdict[] {Y, Y, Y, Y, Y, Y},
            Variant.FOUR_WAY_HANDSHAKE, new Verdict[] {Y, Y, Y, Y, Y, Y},
            Variant.TWO_WAY_HANDSHAKE, new Verdict[] {ANY, N, N, N, ANY, ANY},
            Variant.THREE_WAY_CLOSE, new Verdict[] {Y, Y, Y, Y, ANY, N},
            Variant.NO_TIME_WAIT, new Verdict[] {ANY, ANY, ANY, ANY, N, ANY},
            Variant.SHORT_TIME_WAIT, new Verdict[] {ANY, ANY, ANY, ANY, N, ANY},
            Variant.RFC9293_TEXT, new Verdict[] {ANY, ANY, ANY, ANY, ANY, ANY});

    /** The variants whose rows the specification also checks with K = 2. */
    public static final List<Variant> INCARNATION_ROWS = List.of(Variant.RFC9293_RFC1337, Variant.RFC9293_TEXT);

    private SpecTable() {
    }

    /** The verdict the specification requires, or empty for a "·" cell. */
    public static Optional<Verdict> expected(Variant v, String property) {
        int i = TcpProperties.NAMES.indexOf(property);
        if (i < 0) {
            throw new IllegalArgumentException("unknown property " + property);
        }
        return Optional.ofNullable(CELLS.get(v)[i]);
    }
}
