package tcpcheck.properties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays every scenario of a folder and says which fail and why. Public and free of test classes so that
 * {@link ScenariosTest} can run it in a class loader that holds a mutated model.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /** "file: reason" for each scenario that does not replay with every expectation met. */
    public static List<String> failing(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files(folder)) {
            try {
                Replay.Outcome o = Replay.replay(CounterexampleFile.read(Files.readString(f)));
                if (!o.reproduces()) {
                    out.add(f.getFileName() + ": " + o.reason());
                }
            } catch (CounterexampleFile.InvalidException e) {
                out.add(f.getFileName() + ": not valid: " + e.getMessage());
            }
        }
        return out;
    }

    /** The scenario files of the folder, by name. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
