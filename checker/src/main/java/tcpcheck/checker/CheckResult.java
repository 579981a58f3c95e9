package tcpcheck.checker;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of a check: a verdict per property, the figures of the search, and whether the search covered the
 * whole space within the model's boundary.
 *
 * @param incompleteReason why the search stopped early (a limit), or null when it was complete
 */
public record CheckResult<S, A>(List<PropertyResult<S, A>> results, Statistics statistics, String incompleteReason) {

    public boolean complete() {
        return incompleteReason == null;
    }

    public PropertyResult<S, A> result(String propertyName) {
        for (PropertyResult<S, A> r : results) {
            if (r.name().equals(propertyName)) {
                return r;
            }
        }
        throw new NoSuchElementException("no property named " + propertyName);
    }

    public Verdict verdict(String propertyName) {
        return result(propertyName).verdict();
    }
}
