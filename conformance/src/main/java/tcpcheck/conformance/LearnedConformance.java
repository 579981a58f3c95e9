package tcpcheck.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.Variant;

/**
 * {@code tcpcheck conform learned}: the learned machines of Linux, FreeBSD and Windows 8 (data of this module, read at
 * run time) against the model's endpoint projected onto their alphabet ({@link Projection}), by
 * {@link LearnedComparison}; the distinguishing words are explained by {@link LearnedExplanations}.
 */
public final class LearnedConformance {
    /** The stacks, as {@code --stack} names them. */
    public static final List<String> STACKS = List.of("linux", "freebsd", "windows8");
    /** No learned machine needs more: every product search closes by 14 inputs. */
    static final int MAX_LENGTH = 40;

    private LearnedConformance() {
    }

    /** The learned machine of a stack and role, read from this module's resources. */
    static MealyMachine machine(String stack, Role role) {
        String file = fileName(stack, role);
        try (InputStream in = LearnedConformance.class.getResourceAsStream("learned/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource learned/" + file);
            }
            return MealyMachine.parseDot(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException | MealyMachine.FormatException e) {
            throw new IllegalStateException("cannot read learned/" + file + ": " + e.getMessage(), e);
        }
    }

    static String fileName(String stack, Role role) {
        String s = switch (stack) {
            case "linux" -> "Linux";
            case "freebsd" -> "FreeBSD";
            case "windows8" -> "Windows8";
            default -> throw new IllegalArgumentException("unknown stack '" + stack + "'");
        };
        return "TCP_" + s + "_" + (role == Role.CLIENT ? "Client" : "Server") + ".dot";
    }

    /** Compares each stack and role given with the standard variant's endpoint. */
    public static LearnedReport run(List<String> stacks, List<Role> roles) {
        List<LearnedComparison.Result> results = new ArrayList<>();
        for (String s : stacks) {
            for (Role r : roles) {
                results.add(LearnedComparison.compare(s, r, machine(s, r), new Projection(Variant.RFC9293_RFC1337, r),
                        MAX_LENGTH));
            }
        }
        boolean all = stacks.containsAll(STACKS) && roles.size() == Role.values().length;
        return new LearnedReport(results, LearnedExplanations.load(), all);
    }
}
