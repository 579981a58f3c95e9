package tcpcheck.properties;

import java.util.List;
import java.util.NoSuchElementException;
import tcpcheck.checker.Statistics;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * The check of one variant: its parameters, the search's figures, and a verdict per property.
 *
 * @param maxInFlight the largest number of segments seen in flight in one direction
 * @param incompleteReason why the search was cut short, or null
 */
public record VariantReport(Variant variant, Parameters parameters, Statistics statistics, long maxInFlight,
                            List<PropertyVerdict> results, String incompleteReason) {

    public PropertyVerdict result(String property) {
        for (PropertyVerdict r : results) {
            if (r.property().equals(property)) {
                return r;
            }
        }
        throw new NoSuchElementException("no result for " + property);
    }
}
