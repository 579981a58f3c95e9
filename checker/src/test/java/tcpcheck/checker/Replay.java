package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** Test helper: a trace is a real path of the model. */
final class Replay {
    private Replay() {
    }

    static <S, A> void assertValid(Model<S, A> model, Trace<S, A> trace) {
        List<Trace.Step<S, A>> steps = trace.steps();
        assertTrue(model.initialStates().contains(steps.get(0).state()), "starts in an initial state");
        for (int i = 1; i < steps.size(); i++) {
            S from = steps.get(i - 1).state();
            A a = steps.get(i).action();
            List<A> actions = new ArrayList<>();
            model.actions(from, actions);
            assertTrue(actions.contains(a), "step " + i + " takes a listed action");
            assertEquals(steps.get(i).state(), model.nextState(from, a), "step " + i + " follows the model");
        }
        if (trace.isLasso()) {
            assertEquals(steps.get(trace.loopStart()).state(), trace.last(), "the cycle closes");
        }
    }
}
