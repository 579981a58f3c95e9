package tcpcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.VariantReport;

/**
 * The one JSON schema of every command's {@code --format json} (README.md, "JSON output";
 * {@code cli/src/main/resources/tcpcheck-output.schema.json}). The output is JSON Lines: one object per line, each
 * with {@code "command"} and {@code "record"}:
 * <ul>
 *   <li>{@code "variant"}: one variant checked ({@code check}, {@code justify}), one cell of the sweep
 *       ({@code sweep}), one variant walked ({@code simulate}): {@code variant}, {@code parameters} (numbers and
 *       booleans, by symbol), {@code complete}, {@code incomplete} (null, or which limit and why), {@code results}
 *       (one object per property: {@code property}, {@code verdict}, {@code counterexampleLength},
 *       {@code afterAbort}, {@code afterAbortLength}, {@code files}, and {@code expected}, {@code agrees} where the
 *       command compares), and the command's own figures;</li>
 *   <li>{@code "summary"}: the last line of every command but {@code list}: {@code exit}, {@code message},
 *       {@code seconds}, {@code files};</li>
 *   <li>{@code "list"}: what {@code list} prints.</li>
 * </ul>
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The start of a record. */
    static ObjectNode record(String command, String record) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("command", command);
        o.put("record", record);
        return o;
    }

    /** The parameters by symbol, as the model's table types them: numbers, booleans, openings as their names (T resolved for the variant). */
    static ObjectNode parameters(Variant v, Parameters p) {
        ObjectNode params = MAPPER.createObjectNode();
        for (Map.Entry<String, Object> e : p.describe(v).entrySet()) {
            params.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
        }
        return params;
    }

    /**
     * The record of one exhaustive check: the shared fields, then the search's figures. {@code afterAbortChecked}
     * says whether the after-an-abort verdicts were checked (not in a sweep); {@code files} gives the paths written
     * per property; {@code expected} the verdict expected per property, or null when the command compares with none.
     */
    static ObjectNode variant(String command, VariantReport r, boolean afterAbortChecked,
                              Map<String, List<Path>> files, Map<String, Verdict> expected) {
        ObjectNode o = record(command, "variant");
        o.put("variant", r.variant().id());
        o.set("parameters", parameters(r.variant(), r.parameters()));
        // Complete when every verdict given is decided: the verdict after an abort too, where it is given.
        boolean complete = true;
        for (PropertyVerdict p : r.results()) {
            complete &= p.verdict() != Verdict.INCOMPLETE
                    && !(afterAbortChecked && p.afterAbort() == Verdict.INCOMPLETE);
        }
        incomplete(o, complete ? null : r.incompleteReason());
        ArrayNode results = o.putArray("results");
        for (PropertyVerdict p : r.results()) {
            ObjectNode x = result(results, p.property(), p.verdict().name(), p.trace() != null ? p.length() : null,
                    files.getOrDefault(p.property(), List.of()));
            x.put("afterAbort", afterAbortChecked ? p.afterAbort().name() : null);
            if (p.afterAbortTrace() != null) {
                x.put("afterAbortLength", p.afterAbortTrace().length());
            } else {
                x.putNull("afterAbortLength");
            }
            if (p.verdict() == Verdict.ERROR) {
                x.put("error", p.detail());
            }
            if (expected != null) {
                Verdict e = expected.get(p.property());
                x.put("expected", e == null ? null : e.name());
                if (e == null || p.verdict() == Verdict.INCOMPLETE || p.verdict() == Verdict.ERROR) {
                    x.putNull("agrees");
                } else {
                    x.put("agrees", e == p.verdict());
                }
            }
        }
        Statistics s = r.statistics();
        o.put("states", s.states());
        o.put("transitions", s.transitions());
        o.put("depth", s.depth());
        o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        o.put("boundaryStates", s.boundaryStates());
        o.put("maxInFlight", r.maxInFlight());
        o.put("statesPerSecond", Math.round(s.statesPerSecond()));
        o.put("bytesPerState", Math.round(s.bytesPerState() * 10) / 10.0);
        o.put("diskBytesPerState", Math.round(s.diskBytesPerState() * 10) / 10.0);
        o.put("collisionProbability", s.collisionProbability());
        o.put("initialStates", s.initialStates());
        o.put("generatedStates", s.generated());
        o.put("depthInStates", s.depthInStates());
        return o;
    }

    /** {@code complete} and {@code incomplete}: null, or the limit that cut the work short and the reason given. */
    static void incomplete(ObjectNode o, String reason) {
        o.put("complete", reason == null);
        if (reason == null) {
            o.putNull("incomplete");
        } else {
            ObjectNode i = o.putObject("incomplete");
            i.put("limit", limit(reason));
            i.put("reason", reason);
        }
    }

    /** One element of {@code results}, with the fields every command gives. */
    static ObjectNode result(ArrayNode results, String property, String verdict, Integer length,
                             Collection<Path> files) {
        ObjectNode x = results.addObject();
        x.put("property", property);
        x.put("verdict", verdict);
        if (length != null) {
            x.put("counterexampleLength", length);
        } else {
            x.putNull("counterexampleLength");
        }
        x.putNull("afterAbort");
        x.putNull("afterAbortLength");
        ArrayNode f = x.putArray("files");
        files.forEach(p -> f.add(p.toString()));
        return x;
    }

    /**
     * Which limit a reason names: {@code max-states}, {@code max-seconds}, {@code memory}, {@code depth},
     * {@code first-counterexample} (a sweep cell stops at its first), {@code interrupted}, or {@code other}.
     */
    static String limit(String reason) {
        if (reason.startsWith("state limit of")) {
            return "max-states";
        }
        if (reason.startsWith("time limit of") || reason.startsWith("the time limit")) {
            return "max-seconds";
        }
        if (reason.startsWith("memory limit of") || reason.startsWith("out of memory")) {
            return "memory";
        }
        if (reason.startsWith("depth limit of")) {
            return "depth";
        }
        if (reason.startsWith("stopped at the first counterexample")) {
            return "first-counterexample";
        }
        if (reason.startsWith("interrupted")) {
            return "interrupted";
        }
        return "other";
    }

    /** The last record of a command. */
    static ObjectNode summary(String command, int exit, String message, double seconds, Collection<Path> files) {
        ObjectNode o = record(command, "summary");
        o.put("exit", exit);
        o.put("message", message);
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        ArrayNode f = o.putArray("files");
        files.forEach(p -> f.add(p.toString()));
        return o;
    }

    static String line(ObjectNode o) {
        return o.toString();
    }
}
