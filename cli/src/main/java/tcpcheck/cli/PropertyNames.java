package tcpcheck.cli;

import java.util.Iterator;
import tcpcheck.properties.TcpProperties;

/** The property names for help texts ({@code ${COMPLETION-CANDIDATES}}). */
final class PropertyNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return TcpProperties.NAMES.iterator();
    }
}
