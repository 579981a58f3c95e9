package tcpcheck.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tcpcheck.model.Variant;

/**
 * The variant names for help texts ({@code ${COMPLETION-CANDIDATES}}): each variant's name, then each old name
 * that is still accepted, marked as such.
 */
final class VariantNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (Variant v : Variant.values()) {
            names.add(v.id());
        }
        for (Variant v : Variant.values()) {
            for (String a : v.aliases()) {
                names.add(a + " (old name of " + v.id() + ")");
            }
        }
        return names.iterator();
    }
}
