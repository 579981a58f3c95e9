package tcpcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Verdict;

/**
 * The sweep cells measured in earlier runs (the resource {@code recorded.tsv}, the figures of model/README.md): the
 * report shows them as recorded, with the command that checks each again, and never as checked in its own run.
 */
public final class Recorded {
    private Recorded() {
    }

    public static List<SweepCell> cells() {
        try (InputStream in = Recorded.class.getResourceAsStream("recorded.tsv")) {
            List<SweepCell> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new SweepCell(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Verdict.valueOf(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7]),
                        true));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
