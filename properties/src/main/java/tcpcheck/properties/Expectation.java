package tcpcheck.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import tcpcheck.model.Application;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.Tcb;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * What a scenario expects of one endpoint after a given step: its RFC state and, where the scenario's figure fixes
 * them, TCB variables and what its application has read.
 *
 * @param step the number of actions taken (0: the initial state)
 * @param endpoint {@link TcpModel#A} or {@link TcpModel#B}
 * @param state the connection state (RFC 9293 3.3.2)
 * @param variables TCB variables by their RFC names (ISS, IRS, SND.UNA, SND.NXT, RCV.NXT), in the file's order
 * @param delivered data units delivered to the application in the current connection, or null
 * @param endOfStream whether the application has read the peer's end of stream, or null
 */
public record Expectation(int step, int endpoint, ConnectionState state, Map<String, Integer> variables,
                          Integer delivered, Boolean endOfStream) {

    /** The TCB variables an expectation may name, by their RFC names. */
    public static final Map<String, ToIntFunction<Tcb>> VARIABLES = variableReaders();

    private static Map<String, ToIntFunction<Tcb>> variableReaders() {
        Map<String, ToIntFunction<Tcb>> m = new LinkedHashMap<>();
        m.put("ISS", Tcb::iss);
        m.put("IRS", Tcb::irs);
        m.put("SND.UNA", Tcb::sndUna);
        m.put("SND.NXT", Tcb::sndNxt);
        m.put("RCV.NXT", Tcb::rcvNxt);
        return m;
    }

    /** The names of the connection states as files write them ("SYN-RECEIVED"). */
    public static final List<String> STATES = java.util.Arrays.stream(ConnectionState.values())
            .map(ConnectionState::toString).toList();

    /** The state named as RFC 9293 writes it, or null. */
    static ConnectionState state(String name) {
        for (ConnectionState c : ConnectionState.values()) {
            if (c.toString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Null when the state meets the expectation; otherwise what differs, expected against actual. */
    public String check(TcpState s) {
        Host h = s.host(endpoint);
        Tcb t = h.tcb();
        Application app = h.app();
        StringBuilder differs = new StringBuilder();
        if (t.state() != state) {
            differs.append(", state ").append(t.state());
        }
        for (Map.Entry<String, Integer> v : variables.entrySet()) {
            int actual = VARIABLES.get(v.getKey()).applyAsInt(t);
            if (actual != v.getValue()) {
                differs.append(", ").append(v.getKey()).append('=').append(actual);
            }
        }
        if (delivered != null && app.delivered() != delivered) {
            differs.append(", delivered=").append(app.delivered());
        }
        if (endOfStream != null && app.endOfStream() != endOfStream) {
            differs.append(", endOfStream=").append(app.endOfStream());
        }
        if (differs.length() == 0) {
            return null;
        }
        return "expected " + this + "; found" + differs.substring(1) + " (" + name(endpoint) + ": " + h + ")";
    }

    static String name(int endpoint) {
        return endpoint == TcpModel.A ? "A" : "B";
    }

    /** "B in SYN-RECEIVED with IRS=0 RCV.NXT=1". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name(endpoint)).append(" in ").append(state);
        String with = " with ";
        for (Map.Entry<String, Integer> v : variables.entrySet()) {
            b.append(with).append(v.getKey()).append('=').append(v.getValue());
            with = " ";
        }
        if (delivered != null) {
            b.append(with).append("delivered=").append(delivered);
            with = " ";
        }
        if (endOfStream != null) {
            b.append(with).append("endOfStream=").append(endOfStream);
        }
        return b.toString();
    }
}
