package tcpcheck.checker;

import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * A search engine other than this module's own, found at run time through {@link ServiceLoader} (a jar that is on
 * the class path only when it is wanted: the Spark engine brings Spark along). It checks the safety properties of a
 * {@link ModelSource} breadth-first and gives the same counts, verdicts and shortest counterexamples as
 * {@link Checker}; properties it cannot decide are INCOMPLETE with the reason.
 */
public interface Engine {

    /** The name a user gives to choose it ({@code --engine NAME}). */
    String name();

    /** Checks the source's properties. */
    <S, A> CheckResult<S, A> check(ModelSource<S, A> source, Options options);

    /**
     * How to run a check.
     *
     * @param master where to run (for Spark: {@code local[N]}, {@code spark://HOST:PORT}, {@code yarn}, …); null for
     *        the engine's default
     * @param threads the parallelism to ask for
     * @param stopAtFirstFinding stop at the end of the first level where some property has a counterexample
     */
    record Options(String master, int threads, Limits limits, Consumer<Progress> progress,
                   boolean stopAtFirstFinding) {
    }

    /**
     * The engine of that name on the class path.
     *
     * @throws IllegalArgumentException when there is none (the message says what to do, in one line)
     */
    static Engine named(String name) {
        for (Engine e : ServiceLoader.load(Engine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("the " + name + " engine is not available: its jar is not on the class "
                + "path (build it with mvn package and run ./tcpcheck, which adds it)");
    }
}
