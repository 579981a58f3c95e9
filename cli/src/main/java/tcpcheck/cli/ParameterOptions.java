package tcpcheck.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * Every parameter as an option, built from the model's table of parameters ({@link Parameter}): a long name for what
 * it is, the symbol as an alias, the range and default in the help. A command takes them with
 * {@code @Command(modelTransformer = ParameterOptions.class)} and reads them with {@link #parameters}.
 */
public final class ParameterOptions implements IModelTransformer {
    static final String PROFILE = "--profile";

    @Override
    public CommandSpec transform(CommandSpec command) {
        for (Parameter p : Parameter.values()) {
            OptionSpec.Builder o = OptionSpec.builder(p.options().toArray(String[]::new))
                    .description(help(p));
            switch (p.type()) {
                case FLAG:
                    o.type(boolean.class).arity("0");
                    break;
                case OPENING:
                    o.type(String.class).paramLabel("HOW").completionCandidates(
                            java.util.Arrays.stream(Opening.values()).map(Opening::id).toList());
                    break;
                default:
                    o.type(Integer.class).paramLabel("N");
            }
            command.addOption(o.build());
        }
        command.addOption(OptionSpec.builder(PROFILE).paramLabel("NAME").type(String.class)
                .description("a named profile: 'incarnations' sets K = 2 (unless --connections is given)").build());
        return command;
    }

    /** The option's help: "K: connections …, 1-7 (default 1)". */
    static String help(Parameter p) {
        return (p.symbol() != null ? p.symbol() + ": " : "") + p.meaning()
                + (p.type() == Parameter.Type.FLAG ? "" : ", " + p.rangeText()) + " (default " + p.defaultText() + ")";
    }

    /**
     * The parameters given to the command, validated, for these variants: a bad value, or a T that one of the variants
     * does not take, is a usage error naming the parameter.
     */
    static Parameters parameters(CommandSpec command, List<Variant> variants) {
        Map<Parameter, Integer> values = new EnumMap<>(Parameter.class);
        try {
            for (Parameter p : Parameter.values()) {
                Object v = command.findOption(p.options().get(0)).getValue();
                if (v == null || (v instanceof Boolean b && !b)) {
                    continue;
                }
                if (p == Parameter.TIME_WAIT && v instanceof Integer t && t < 0) {
                    // -1 is how the model says "the variant's own T"; on the command line that is leaving --time-wait
                    // out.
                    throw new IllegalArgumentException(p.label() + " must be between 0 and 31, not " + t
                            + " (leave --time-wait out for the variant's own)");
                }
                values.put(p, p.fromJson(v));
            }
            String profile = command.findOption(PROFILE).getValue();
            if (profile != null) {
                if (!profile.equals("incarnations")) {
                    throw new IllegalArgumentException("unknown profile '" + profile
                            + "'; the profiles are: incarnations");
                }
                values.putIfAbsent(Parameter.CONNECTIONS, 2);
            }
            Parameters p = Parameters.of(values);
            for (Variant v : variants) {
                v.timeWait(p);
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
