package tcpcheck.conformance;

import tcpcheck.model.Opening;

/** The role of the endpoint under test: the model's B (it opens passively, a server) or A (actively, a client). */
public enum Role {
    SERVER("server", Opening.PASSIVE),
    CLIENT("client", Opening.ACTIVE);

    final String label;
    /** How the model's endpoint in this role opens: a server passively, a client actively. */
    final Opening opening;

    Role(String label, Opening opening) {
        this.label = label;
        this.opening = opening;
    }

    public String label() {
        return label;
    }

    /** The role of this name, or an IllegalArgumentException that lists the names. */
    public static Role named(String s) {
        for (Role r : values()) {
            if (r.label.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + s + "'; the roles are server, client");
    }
}
