package tcpcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import tcpcheck.properties.CounterexampleFile;

/** Reads a counterexample file; anything wrong with it is a usage error that names the problem. */
final class CounterexampleInput {
    private CounterexampleInput() {
    }

    static CounterexampleFile.Counterexample read(CommandSpec spec, Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ParameterException(spec.commandLine(), file + " is not a valid counterexample: not UTF-8 text");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return CounterexampleFile.read(text);
        } catch (CounterexampleFile.InvalidException e) {
            throw new ParameterException(spec.commandLine(), file + " is not a valid counterexample: "
                    + e.getMessage());
        }
    }

    static String title(CounterexampleFile.Counterexample cx) {
        if (cx.title() != null) {
            return cx.title() + (cx.source() != null ? " (" + cx.source() + ")" : "");
        }
        if (cx.property() == null) {
            return cx.variant().id() + ": a scenario of " + cx.length() + " actions";
        }
        return CounterexampleView.title(cx.variant(), cx.parameters(), cx.property(), cx.length());
    }
}
