package tcpcheck.checker;

/**
 * An exception thrown by the user's code (the model, a property's predicate, a constraint or a metric), as the engine
 * reports it: what threw, the exception's class and message, on one line. The check goes on where it can, and the
 * property (or, for the model, every property not yet decided) gets the verdict {@link Verdict#ERROR}. Public for the
 * other {@link Engine}s, which report errors in the same words.
 */
public final class Thrown {
    private Thrown() {
    }

    /** Whether {@code e}, thrown by user code, is reported as ERROR (out of memory is not: it makes a check INCOMPLETE). */
    public static boolean reportable(Throwable e) {
        return e instanceof RuntimeException || e instanceof StackOverflowError || e instanceof AssertionError
                || e instanceof LinkageError;
    }

    /** "{@code what} threw ClassName: message". */
    public static String describe(String what, Throwable e) {
        String m = e.getMessage();
        return what + " threw " + e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }

    /** Rethrows {@code e} unless it is {@linkplain #reportable reportable}. */
    public static void rethrowUnlessReportable(Throwable e) {
        if (!reportable(e)) {
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }
    }
}
