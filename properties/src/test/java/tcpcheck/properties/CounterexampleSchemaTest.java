package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema in the repository is the one {@link CounterexampleSchema} writes from the tables the reader reads
 * by (the parameters' ranges, the variants, the properties and their parts, the witnesses): when one of them changes,
 * write the file again with {@code -Dtcpcheck.schema.write=true} on this test. (That the reader and the schema refuse
 * the same files is checked on a corpus of broken files by the command line's CounterexampleCorpusTest.)
 */
class CounterexampleSchemaTest {
    static final Path FILE = Path.of("src", "main", "resources", "tcpcheck-counterexample.schema.json");

    @Test
    void theFileIsTheSchemaTheTablesGive() throws IOException {
        String schema = CounterexampleSchema.text();
        if (Boolean.getBoolean("tcpcheck.schema.write")) {
            Files.writeString(FILE, schema);
        }
        assertEquals(schema, Files.readString(FILE), "the schema file is out of date: write it again with"
                + " mvn -B -o -q -pl properties -am test -Dtest=CounterexampleSchemaTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dtcpcheck.schema.write=true");
    }
}
