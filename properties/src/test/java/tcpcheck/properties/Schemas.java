package tcpcheck.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The JSON Schema of counterexample files (src/main/resources), as the tests validate files against it. */
final class Schemas {
    private static final Schema COUNTEREXAMPLE = load();

    private Schemas() {
    }

    private static Schema load() {
        try (InputStream in = Schemas.class.getResourceAsStream("/tcpcheck-counterexample.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema's complaints about a file, empty when it is valid. */
    static List<String> errors(String json) throws IOException {
        List<Error> errors = COUNTEREXAMPLE.validate(new ObjectMapper().readTree(json));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
