package tcpcheck.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tcpcheck.model.ConnectionState;

/**
 * Compares a learned machine with the model's projected endpoint by a breadth-first search of their product: from the
 * pair of initial states, every input of the machine's alphabet; where the two answer alike the search goes on from
 * the pair of next states (once per pair: the model's side up to {@link Projection#key}); where they differ, the
 * input word that led there is a distinguishing word, and the search does not go past it. So every distinguishing
 * word is a shortest one: no proper prefix of it distinguishes, and no shorter word reaches the same pair of states.
 * The search ends when no new pair is found, or at {@code maxLength} inputs.
 */
final class LearnedComparison {
    /** A word on which the model and the stack answer differently, and the model's state before its last input. */
    record Word(List<String> inputs, String modelOutput, String stackOutput, ConnectionState modelState,
                String stackState) {
        String last() {
            return inputs.get(inputs.size() - 1);
        }

        String text() {
            return String.join(" ", inputs);
        }
    }

    /** The outcome for one machine: words compared, pairs of states reached, the distinguishing words. */
    record Result(String stack, Role role, int states, int inputs, long wordsCompared, int pairs, int depth,
                  boolean complete, List<Word> words) {
    }

    private record Node(String stackState, Projection.Config config, List<String> word) {
    }

    private LearnedComparison() {
    }

    static Result compare(String stack, Role role, MealyMachine m, Projection p, int maxLength) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Node start = new Node(m.initial(), p.initial(), List.of());
        seen.add(m.initial() + "#" + p.key(start.config()));
        queue.add(start);
        long compared = 0;
        int depth = 0;
        boolean complete = true;
        List<Word> words = new ArrayList<>();
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (n.word().size() >= maxLength) {
                complete = false;
                continue;
            }
            for (String in : m.inputs()) {
                compared++;
                MealyMachine.Transition t = m.step(n.stackState(), in);
                Projection.Answer a = p.step(n.config(), in);
                List<String> w = new ArrayList<>(n.word());
                w.add(in);
                depth = Math.max(depth, w.size());
                if (!t.output().equals(a.output())) {
                    words.add(new Word(List.copyOf(w), a.output(), t.output(), n.config().tcb().state(),
                            n.stackState()));
                    continue;
                }
                if (seen.add(t.next() + "#" + p.key(a.next()))) {
                    queue.add(new Node(t.next(), a.next(), List.copyOf(w)));
                }
            }
        }
        return new Result(stack, role, m.states().size(), m.inputs().size(), compared, seen.size(), depth, complete,
                words);
    }
}
