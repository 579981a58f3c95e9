package tcpcheck.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic, complete Mealy machine: states, an initial state, and for each state and input one output and one
 * next state. Read from Graphviz dot as LearnLib writes it ({@link #parseDot}): one edge per state and input,
 * {@code s0 -> s1[label="INPUT / OUTPUT"]}, and the initial state marked by {@code __start0 -> s0}.
 */
final class MealyMachine {
    private static final Pattern EDGE =
            Pattern.compile("^\\s*(\\w+)\\s*->\\s*(\\w+)\\s*\\[\\s*label\\s*=\\s*\"([^\"]*)\"\\s*\\]\\s*;?\\s*$");
    private static final Pattern START = Pattern.compile("^\\s*__start\\d*\\s*->\\s*(\\w+)\\s*;?\\s*$");

    /** An output and the next state. */
    record Transition(String output, String next) {
    }

    private final String initial;
    private final List<String> states;
    private final List<String> inputs;
    private final Map<String, Map<String, Transition>> delta;

    private MealyMachine(String initial, List<String> states, List<String> inputs,
                         Map<String, Map<String, Transition>> delta) {
        this.initial = initial;
        this.states = states;
        this.inputs = inputs;
        this.delta = delta;
    }

    /** Thrown for a file that is not such a machine, with the line at fault. */
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    /** Parses a machine; {@code name} is used in messages. Refuses a missing start, a nondeterministic or partial one. */
    static MealyMachine parseDot(String text, String name) throws FormatException {
        String initial = null;
        List<String> states = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        Map<String, Map<String, Transition>> delta = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher s = START.matcher(line);
            if (s.matches()) {
                initial = s.group(1);
                continue;
            }
            Matcher e = EDGE.matcher(line);
            if (!e.matches()) {
                continue;
            }
            String label = e.group(3);
            int slash = label.indexOf(" / ");
            if (slash < 0) {
                throw new FormatException(name + ":" + (i + 1) + ": a label without ' / ': " + label);
            }
            String from = e.group(1);
            String to = e.group(2);
            String input = label.substring(0, slash).trim();
            String output = label.substring(slash + 3).trim();
            for (String st : List.of(from, to)) {
                if (!states.contains(st)) {
                    states.add(st);
                }
            }
            if (!inputs.contains(input)) {
                inputs.add(input);
            }
            Map<String, Transition> out = delta.computeIfAbsent(from, k -> new LinkedHashMap<>());
            if (out.put(input, new Transition(output, to)) != null) {
                throw new FormatException(name + ":" + (i + 1) + ": two edges from " + from + " on " + input);
            }
        }
        if (initial == null) {
            throw new FormatException(name + ": no initial state (__start0 -> …)");
        }
        if (!states.contains(initial)) {
            throw new FormatException(name + ": the initial state " + initial + " has no edges");
        }
        for (String st : states) {
            Map<String, Transition> out = delta.getOrDefault(st, Map.of());
            for (String in : inputs) {
                if (!out.containsKey(in)) {
                    throw new FormatException(name + ": state " + st + " has no edge on " + in);
                }
            }
        }
        return new MealyMachine(initial, Collections.unmodifiableList(states), Collections.unmodifiableList(inputs),
                delta);
    }

    String initial() {
        return initial;
    }

    List<String> states() {
        return states;
    }

    /** The inputs, in the order of their first edge in the file. */
    List<String> inputs() {
        return inputs;
    }

    Transition step(String state, String input) {
        Transition t = delta.get(state).get(input);
        if (t == null) {
            throw new IllegalArgumentException("no input " + input + " in state " + state);
        }
        return t;
    }
}
