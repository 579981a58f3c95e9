package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tcpcheck.properties.CounterexampleFile;

/**
 * Counterexample files are read strictly, before anything is replayed: every file of {@link CounterexampleCorpus} that
 * is broken is refused by {@code replay} and by each format of {@code show}, run in this JVM, with exit 2 and exactly
 * one line on standard error that names the path, the field and the value (never a stack trace or an exception's
 * name, nothing on standard output), and the JSON Schema refuses it too, except the few that break a rule comparing
 * two counts of the file, which JSON Schema cannot say. The valid files of the corpus are accepted by both. Files that
 * cannot be read (too large, special, missing, unreadable) are refused in one line without being read; the stored
 * counterexamples, the scenarios and the files tcpcheck writes are still read, and {@code show --format json}
 * reproduces each stored counterexample byte for byte.
 */
class CounterexampleCorpusTest {
    static final List<List<String>> COMMANDS = List.of(List.of("replay"),
            List.of("show", "--format", "text"), List.of("show", "--format", "mermaid"),
            List.of("show", "--format", "svg"), List.of("show", "--format", "json"),
            List.of("show", "--format", "pcap"), List.of("show", "--format", "pcapng"));
    private static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\tat |java\\.");
    private static final Schema SCHEMA = schema();
    /** JSON text as RFC 8259 has it: one value, nothing after it, no name twice, no byte order mark. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @TempDir
    Path dir;

    private static Schema schema() {
        try (InputStream in = CounterexampleCorpusTest.class.getResourceAsStream(
                "/tcpcheck-counterexample.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBrokenFileIsRefusedInOneLineByEveryCommandAndByTheSchema() throws IOException {
        List<CounterexampleCorpus.Mutation> corpus = CounterexampleCorpus.all();
        Runner runner = new Runner();
        List<String> failures = new ArrayList<>();
        int[] refused = new int[COMMANDS.size()];
        int broken = 0;
        int bySchema = 0;
        int beyondSchema = 0;
        for (int i = 0; i < corpus.size(); i++) {
            CounterexampleCorpus.Mutation m = corpus.get(i);
            if (m.valid()) {
                continue;
            }
            broken++;
            Path f = dir.resolve("broken-" + i + ".json");
            Files.writeString(f, m.text());
            for (int c = 0; c < COMMANDS.size(); c++) {
                String problem = refusal(runner.run(args(COMMANDS.get(c), f)), f, m.says());
                if (problem == null) {
                    refused[c]++;
                } else {
                    failures.add(m.name() + " | " + String.join(" ", COMMANDS.get(c)) + " | " + problem);
                }
            }
            boolean schemaRefuses = schemaRefuses(m.text());
            if (m.beyondSchema()) {
                beyondSchema++;
                if (schemaRefuses) {
                    failures.add(m.name() + " | the schema refuses it, though it says no rule that compares counts");
                }
            } else if (schemaRefuses) {
                bySchema++;
            } else {
                failures.add(m.name() + " | the schema accepts it");
            }
        }
        assertEquals(List.of(), failures, failures.size() + " failures");
        int[] all = new int[COMMANDS.size()];
        java.util.Arrays.fill(all, broken);
        assertArrayEquals(all, refused);
        assertEquals(broken, bySchema + beyondSchema);
        assertEquals(8, beyondSchema, "the files only the reader refuses: length off by one (4), loopStart past"
                + " length (3), a step past length (1)");
        assertTrue(broken >= 300, broken + " broken files");
        System.out.println("counterexample corpus: " + corpus.size() + " files, " + broken + " broken: each refused by"
                + " replay and by show in all " + (COMMANDS.size() - 1) + " formats; the schema refuses " + bySchema
                + ", and " + beyondSchema + " break a rule that compares two counts; " + (corpus.size() - broken)
                + " valid, accepted by both");
    }

    @Test
    void validFilesOfTheCorpusAreAcceptedByTheReaderAndTheSchema() throws IOException {
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (CounterexampleCorpus.Mutation m : CounterexampleCorpus.all()) {
            if (!m.valid()) {
                continue;
            }
            valid++;
            Path f = dir.resolve("valid-" + valid + ".json");
            Files.writeString(f, m.text());
            Cli.Run r = Cli.run("replay", f.toString());
            if (r.exit() != m.exit() || !r.err().isEmpty()) {
                failures.add(m.name() + " | replay exits " + r.exit() + ", not " + m.exit() + ": " + r.err());
            }
            if (schemaRefuses(m.text())) {
                failures.add(m.name() + " | the schema refuses it: " + SCHEMA.validate(STRICT.readTree(m.text())));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(valid >= 15, valid + " valid files");
    }

    /**
     * Files that are no counterexample file at all are refused before they are read, in one line that names the path
     * as given and the reason: a 3 GB file and one byte over the limit (sparse: nothing is written), /dev/zero, a FIFO
     * (nothing blocks), a folder, a missing file, an unreadable one, a path through a file; and files of more JSON
     * values, or objects, than any counterexample holds, and one in Latin-1. A file of exactly the limit is read (and
     * is not JSON).
     */
    @Test
    void filesThatAreNoCounterexampleAreRefusedWithoutReadingThem() throws Exception {
        Path huge = sparse("huge.json", 3L << 30);
        Path over = sparse("over.json", CounterexampleFile.MAX_BYTES + 1);
        Path limit = sparse("limit.json", CounterexampleFile.MAX_BYTES);
        Path fifo = dir.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Path unreadable = unreadable();
        Path underAFile = dir.resolve("a-file");
        Files.writeString(underAFile, "x");
        String stored = CounterexampleCorpus.text(CounterexampleCorpus.read(
                CounterexampleCorpus.COUNTEREXAMPLES.resolve("two-way-handshake.no-stale-accept.json")));
        Path values = dir.resolve("values.json");
        Files.writeString(values, stored.replaceFirst("\"states\" : \\[",
                "\"states\" : [" + "0,".repeat(2_500_000)));
        Path latin1 = dir.resolve("latin-1.json");
        Files.write(latin1, stored.replaceFirst("tcpcheck-counterexample", "tcpcheck-counterexample\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path objects = dir.resolve("objects.json");
        Files.writeString(objects, stored.replaceFirst("\"states\" : \\[",
                "\"states\" : [" + "{},".repeat(500_000)));
        Object[][] cases = {
            {huge, "it has 3221225472 bytes; a counterexample file has at most 64 MiB (67108864 bytes)"},
            {over, "it has 67108865 bytes; a counterexample file has at most 64 MiB"},
            {limit, "is not a valid counterexample: not JSON (or truncated)"},
            {latin1, "is not a valid counterexample: not UTF-8 text (an invalid byte at offset 39)"},
            {Path.of("/dev/zero"), "cannot read /dev/zero: a character device, not a counterexample file"},
            {fifo, "a FIFO (named pipe), not a counterexample file"},
            {folder, "is a directory, not a counterexample file"},
            {dir.resolve("missing.json"), "no such file"},
            {unreadable, "permission denied"},
            {underAFile.resolve("cx.json"), "not a directory (a part of the path is a file)"},
            {values, "more than 2500000 JSON values (at 'states[2499"},
            {objects, "more than 500000 JSON objects and arrays (at 'states[499"},
        };
        List<String> failures = new ArrayList<>();
        List<Path> read = List.of(limit, values, objects);
        for (Object[] c : cases) {
            Path f = (Path) c[0];
            // The files read up to their fault take time to read: replay and one format of show for them.
            for (List<String> command : read.contains(f) ? COMMANDS.subList(0, 2) : COMMANDS) {
                String problem = refusal(run(command, f), f, List.of((String) c[1]));
                if (problem != null) {
                    failures.add(f + " | " + String.join(" ", command) + " | " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The 18 stored counterexamples replay, match the schema, and show --format json gives each back byte for byte. */
    @Test
    void storedCounterexamplesReplayAndShowAsJsonByteForByte() throws IOException {
        int n = 0;
        for (Path f : jsonFiles(CounterexampleCorpus.COUNTEREXAMPLES)) {
            Cli.Run replay = Cli.run("replay", f.toString());
            assertEquals(ExitCode.HOLDS, replay.exit(), f + ": " + replay.err() + replay.out());
            Cli.Run json = Cli.run("show", f.toString(), "--format", "json");
            assertEquals(ExitCode.HOLDS, json.exit(), f + ": " + json.err());
            assertArrayEquals(Files.readAllBytes(f), json.bytes(), f.toString());
            assertTrue(!schemaRefuses(Files.readString(f)), f.toString());
            n++;
        }
        assertEquals(18, n);
    }

    /** Every scenario replays with its expectations met and matches the schema. */
    @Test
    void scenariosReplay() throws IOException {
        int n = 0;
        for (Path f : jsonFiles(CounterexampleCorpus.SCENARIOS)) {
            Cli.Run replay = Cli.run("replay", f.toString());
            assertEquals(ExitCode.HOLDS, replay.exit(), f + ": " + replay.err() + replay.out());
            assertTrue(!schemaRefuses(Files.readString(f)), f.toString());
            n++;
        }
        assertEquals(18, n);
    }

    /**
     * What simulate --out and check --witness --out write (a counterexample found by walks; a witness in version 2)
     * is read, replays and matches the schema; so does a file reached through a symbolic link.
     */
    @Test
    void filesTcpcheckWritesAreRead() throws IOException {
        Cli.Run simulate = Cli.run("simulate", "--variant", "two-way-handshake", "--property", "no-stale-accept",
                "--runs", "300", "--seed", "1", "--out", dir.toString());
        assertEquals(ExitCode.VIOLATED, simulate.exit(), simulate.err());
        Cli.Run witness = Cli.run("check", "--witness", "simultaneous-open", "--out", dir.toString());
        assertEquals(ExitCode.HOLDS, witness.exit(), witness.err());
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, dir.resolve("rfc9293-rfc1337.simultaneous-open.json"));
        for (String name : List.of("two-way-handshake.no-stale-accept.simulated.json",
                "rfc9293-rfc1337.simultaneous-open.json", "link.json")) {
            Path f = dir.resolve(name);
            Cli.Run replay = Cli.run("replay", f.toString());
            assertEquals(ExitCode.HOLDS, replay.exit(), f + ": " + replay.err() + replay.out());
            assertTrue(!schemaRefuses(Files.readString(f)), f.toString());
        }
    }

    private static Cli.Run run(List<String> command, Path file) {
        return Cli.run(args(command, file));
    }

    private static String[] args(List<String> command, Path file) {
        List<String> args = new ArrayList<>(command.subList(0, 1));
        args.add(file.toString());
        args.addAll(command.subList(1, command.size()));
        return args.toArray(String[]::new);
    }

    /**
     * The command line built once and run many times in this JVM, as {@link Main#execute} runs it (picocli sets every
     * option and parameter again on each run): 20 times faster than building it for each of the corpus's 2,800 runs.
     */
    private static final class Runner {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final StringWriter err = new StringWriter();
        private final Io io = new Io(out, new PrintWriter(err, true), Terminal.none());
        private final CommandLine commandLine = Main.commandLine(io);

        Cli.Run run(String... args) {
            out.reset();
            err.getBuffer().setLength(0);
            int code = Main.run(commandLine, io, args);
            byte[] bytes = out.toByteArray();
            return new Cli.Run(code, new String(bytes, StandardCharsets.UTF_8), bytes, err.toString());
        }
    }

    /** Null when the run refused the file as it must: exit 2, nothing on stdout, one line naming the path and says. */
    static String refusal(Cli.Run r, Path file, List<String> says) {
        String err = r.err();
        if (r.exit() != ExitCode.USAGE) {
            return "exit " + r.exit() + ": " + err;
        }
        if (r.bytes().length != 0) {
            return "standard output is not empty";
        }
        if (!err.endsWith("\n") || err.indexOf('\n') != err.length() - 1) {
            return "not exactly one line: " + err;
        }
        if (!err.startsWith("tcpcheck: ") || !err.contains(file.toString())) {
            return "the line does not name the file: " + err;
        }
        if (EXCEPTION.matcher(err).find()) {
            return "an exception or a stack trace: " + err;
        }
        for (String s : says) {
            if (!err.contains(s)) {
                return "the line does not say " + s + ": " + err;
            }
        }
        return null;
    }

    /** Whether JSON Schema refuses the text: it is no JSON text (RFC 8259), or the value does not match the schema. */
    static boolean schemaRefuses(String text) {
        if (text.startsWith("\uFEFF")) {
            return true;
        }
        JsonNode n;
        try {
            n = STRICT.readTree(text);
        } catch (IOException e) {
            return true;
        }
        return n == null || n.isMissingNode() || !SCHEMA.validate(n).isEmpty();
    }

    private Path sparse(String name, long size) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(size);
        }
        return f;
    }

    /**
     * A file this process cannot read: a file of mode 000, or, for root (who reads it anyway), a file of the kernel
     * that is written only (/proc/sys/vm/drop_caches).
     */
    private Path unreadable() throws IOException {
        Path f = dir.resolve("unreadable.json");
        Files.writeString(f, "{}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        Path kernel = Path.of("/proc/sys/vm/drop_caches");
        Path pick = Files.isReadable(f) ? kernel : f;
        assertTrue(Files.exists(pick) && !Files.isReadable(pick), "no unreadable file: " + pick);
        return pick;
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
