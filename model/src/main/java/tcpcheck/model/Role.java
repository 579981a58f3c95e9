package tcpcheck.model;

/**
 * The part an endpoint plays, in one place: how its application opens connections ({@link Opening}), the state the
 * endpoint rests in between connections (where a connection that ends, however it ends, returns it), and which
 * application it runs: the client (A) writes its request and closes; the server (B) answers the request, then closes
 * after the client's end of stream (or right after its response, when the server closes first).
 *
 * <p>When the application attaches and detaches follows from these: an application that opens actively attaches at
 * its OPEN; a connection that came from LISTEN attaches the application when it reaches ESTABLISHED (or passes through
 * it); and every connection that ends detaches it.
 *
 * @param opening how the application opens connections
 * @param server whether the endpoint runs the server application (B) rather than the client (A)
 */
public record Role(Opening opening, boolean server) {

    /** The roles of A and B in these parameters: A the client, B the server, each opening as configured. */
    public static Role[] of(Parameters p) {
        return new Role[] {new Role(p.aOpens(), false), new Role(p.bOpens(), true)};
    }

    /** CLOSED, or LISTEN for an endpoint that listens. */
    public ConnectionState resting() {
        return opening.resting();
    }

    /** The TCB of the endpoint at rest: CLOSED, or LISTEN with no variables. */
    public Tcb restingTcb() {
        return resting() == ConnectionState.CLOSED ? Tcb.closed() : Tcb.listen();
    }

    /** Whether the application opens connections actively. */
    public boolean opensActively() {
        return opening.active();
    }

    /** Whether the endpoint rests in LISTEN (a passive OPEN): it listens again after a crash. */
    public boolean listens() {
        return opening != Opening.ACTIVE;
    }
}
