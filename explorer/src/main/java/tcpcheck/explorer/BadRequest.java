package tcpcheck.explorer;

/** A request the explorer refuses: a bad path, index, variant, parameter or file. Answered 400 with the message. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
