package tcpcheck.properties;

import java.util.EnumMap;
import java.util.Map;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/** The default check of each variant, computed once per test run and shared by the test classes. */
final class Reports {
    private static final Map<Variant, VariantReport> DEFAULTS = new EnumMap<>(Variant.class);

    private Reports() {
    }

    static synchronized VariantReport defaults(Variant v) {
        return DEFAULTS.computeIfAbsent(v,
                x -> new Verification().threads(2).check(x, Parameters.defaults(), TcpProperties.NAMES));
    }
}
