package tcpcheck.checker.models;

import java.util.List;
import java.util.Map;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/** An explicit graph: states are node numbers, an action is the edge's target. Node 0 is the initial state. */
public class Graph implements Model<Integer, Integer> {
    private final Map<Integer, List<Integer>> edges;

    public Graph(Map<Integer, List<Integer>> edges) {
        this.edges = edges;
    }

    @Override
    public List<Integer> initialStates() {
        return List.of(0);
    }

    @Override
    public void actions(Integer s, List<Integer> actions) {
        actions.addAll(edges.getOrDefault(s, List.of()));
    }

    @Override
    public Integer nextState(Integer s, Integer target) {
        return target;
    }

    @Override
    public long fingerprint(Integer s) {
        return Fingerprint.of(s);
    }
}
