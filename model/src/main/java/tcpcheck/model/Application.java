package tcpcheck.model;

/**
 * An endpoint's application (docs/specification.md, "The system"). The client (A) writes its D data units in each connection and closes;
 * the server (B) reads the client's D units, writes its own D (the response), and closes after reading the client's
 * end of stream (or right after its response, when the server closes first). An application that opens actively
 * opens up to K connections one after another and is attached from its OPEN on; a connection that came from LISTEN
 * attaches the application when it reaches ESTABLISHED ({@link Role}). When its connection ends, however it ends, the
 * application is detached: units it had not written are lost.
 *
 * @param opens connections this application has opened actively
 * @param attached whether it has a connection to work on
 * @param written data units written in the current connection
 * @param closed whether it has called CLOSE in the current connection
 * @param delivered data units delivered to it in the current connection
 * @param endOfStream whether it has read the peer's end of stream
 */
public record Application(int opens, boolean attached, int written, boolean closed, int delivered,
                          boolean endOfStream) {

    public static Application idle() {
        return new Application(0, false, 0, false, 0, false);
    }

    Application attach(int newOpens) {
        return new Application(newOpens, true, 0, false, 0, false);
    }

    Application detach() {
        return new Application(opens, false, written, closed, delivered, endOfStream);
    }

    Application wrote() {
        return new Application(opens, attached, written + 1, closed, delivered, endOfStream);
    }

    Application close() {
        return new Application(opens, attached, written, true, delivered, endOfStream);
    }

    Application received() {
        return new Application(opens, attached, written, closed, delivered + 1, endOfStream);
    }

    Application readEndOfStream() {
        return new Application(opens, attached, written, closed, delivered, true);
    }
}
