package tcpcheck.conformance;

/** The role of the endpoint under test: the model's B (it opens passively, a server) or A (actively, a client). */
public enum Role {
    SERVER("server", true),
    CLIENT("client", false);

    final String label;
    final boolean passive;

    Role(String label, boolean passive) {
        this.label = label;
        this.passive = passive;
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
