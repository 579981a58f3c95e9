package tcpcheck.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcpcheck.model.ConnectionState;

/**
 * The kernel's endpoint under test on one port pair: its sockets (a listener on 192.0.2.2:port, a socket bound to it
 * that connects to the peer, the connection the listener accepted) and the flow of segments it sends. Both sockets
 * may share the port (SO_REUSEPORT), as an endpoint that listens and opens actively does. Its methods must run on one
 * of the harness's namespace threads.
 */
final class KernelSubject implements AutoCloseable {
    /** The window the peer advertises. */
    static final int WINDOW = 65535;

    private final KernelHarness.Flow flow;
    private ServerSocketChannel listener;
    private SocketChannel connection;
    private final List<KernelHarness.Flow.Arrived> history = new ArrayList<>();
    private boolean timerFired;
    private boolean retransmissionExpected;

    /** A SYN or SYN-ACK repeated at least this long after the first: the kernel's retransmission timer (1 s). */
    static final long RETRANSMISSION_NANOS = 900_000_000L;

    KernelSubject(KernelHarness harness, int kernelPort, int peerPort) {
        this.flow = harness.open(kernelPort, peerPort);
    }

    int kernelPort() {
        return flow.kernelPort();
    }

    int peerPort() {
        return flow.peerPort();
    }

    /**
     * The application's call; the segments the kernel sends within {@code millis}, or as soon as {@code expected}
     * have come.
     */
    List<Seg> call(Step.Call c, int expected, long millis) throws IOException, InterruptedException {
        InetSocketAddress local = new InetSocketAddress(Packet.ipv4(KernelHarness.KERNEL), flow.kernelPort());
        switch (c) {
            case LISTEN -> {
                if (listener == null) {
                    listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
                    listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    listener.bind(local, 16);
                    listener.configureBlocking(false);
                }
            }
            case CONNECT -> {
                // A new connection needs a new socket; the one before is over (CLOSED, or in TIME-WAIT, which
                // outlives its socket).
                closeQuietly(connection);
                connection = SocketChannel.open(StandardProtocolFamily.INET);
                connection.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                connection.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                connection.bind(local);
                connection.configureBlocking(false);
                connection.connect(new InetSocketAddress(Packet.ipv4(KernelHarness.PEER), flow.peerPort()));
            }
            case ACCEPT -> {
                if (listener == null) {
                    throw new IOException("accept: no listener");
                }
                SocketChannel accepted = null;
                long until = System.nanoTime() + 1_000_000_000L;
                while (accepted == null && System.nanoTime() < until) {
                    accepted = listener.accept();
                    if (accepted == null) {
                        Thread.sleep(1);
                    }
                }
                if (accepted == null) {
                    throw new IOException("accept: no connection in the accept queue");
                }
                closeQuietly(connection);
                connection = accepted;
                connection.configureBlocking(false);
            }
            case WRITE -> {
                finishConnect();
                connection.write(ByteBuffer.wrap(new byte[] {'x'}));
            }
            case CLOSE -> {
                if (connection != null) {
                    finishConnect();
                    connection.shutdownOutput();
                } else if (listener != null) {
                    listener.close();
                    listener = null;
                }
            }
            default -> throw new IllegalArgumentException(c.toString());
        }
        return collect(expected, millis);
    }

    private void finishConnect() throws IOException {
        if (connection == null) {
            throw new IOException("no connection");
        }
        if (connection.isConnectionPending()) {
            connection.finishConnect();
        }
    }

    /**
     * A crash of the endpoint's host: its sockets are closed abortively (SO_LINGER 0: no FIN) and forgotten. The
     * caller discards what the kernel sends as they close (the RST of an abort), which a crashed host would not send.
     * A connection in TIME-WAIT outlives its socket, as it does in Linux.
     */
    void crash() {
        abort(connection);
        connection = null;
        closeQuietly(listener);
        listener = null;
    }

    /** Sends the peer's segment without waiting for an answer. */
    void send(Seg s) {
        flow.send(s, WINDOW);
    }

    /** Sends the peer's segment; the segments the kernel sends in answer, as for {@link #call}. */
    List<Seg> deliver(Seg s, int expected, long millis) throws InterruptedException {
        flow.send(s, WINDOW);
        return collect(expected, millis);
    }

    /** Segments the kernel sent: up to {@code expected} of them, waiting at most {@code millis}. */
    List<Seg> collect(int expected, long millis) throws InterruptedException {
        List<Seg> out = new ArrayList<>();
        long until = System.nanoTime() + millis * 1_000_000L;
        while (out.size() < expected) {
            long left = (until - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            KernelHarness.Flow.Arrived a = flow.next(left);
            if (a != null) {
                out.add(record(a));
            }
        }
        return out;
    }

    /** Everything the kernel has sent on this port pair and the harness has read, without waiting. */
    List<Seg> drained() throws InterruptedException {
        List<Seg> out = new ArrayList<>();
        KernelHarness.Flow.Arrived a;
        while ((a = flow.next(0)) != null) {
            out.add(record(a));
        }
        return out;
    }

    private Seg record(KernelHarness.Flow.Arrived a) {
        Seg s = Seg.of(a.packet());
        if (s.has(Packet.SYN) && !retransmissionExpected) {
            for (KernelHarness.Flow.Arrived h : history) {
                if (Seg.of(h.packet()).equals(s) && a.nanos() - h.nanos() >= RETRANSMISSION_NANOS) {
                    timerFired = true;
                }
            }
        }
        history.add(a);
        return s;
    }

    /**
     * Whether the kernel repeated a SYN or SYN-ACK a second or more after sending it, unasked: its retransmission timer
     * fired (a machine so loaded that a cell took that long), and the cell must be run again.
     */
    boolean timerFired() {
        return timerFired;
    }

    /** While set, a repeated SYN or SYN-ACK is the retransmission a replayed step waits for, not a sign of load. */
    void expectRetransmission(boolean expected) {
        retransmissionExpected = expected;
    }

    /**
     * The state of this port pair in a snapshot of {@link KernelHarness#sockets}: the connection's state, else LISTEN
     * when a listener is open on the kernel's port (the model's B listens again when a connection ends), else CLOSED.
     */
    ConnectionState state(Map<Integer, ConnectionState> sockets) {
        ConnectionState s = KernelHarness.stateOf(sockets, flow.kernelPort(), flow.peerPort());
        if (s == ConnectionState.CLOSED
                && KernelHarness.stateOf(sockets, flow.kernelPort(), 0) == ConnectionState.LISTEN) {
            return ConnectionState.LISTEN;
        }
        return s;
    }

    /** Closes the sockets (an abortive close: SO_LINGER 0) and stops listening to the flow. */
    @Override
    public void close() {
        flow.close();
        abort(connection);
        closeQuietly(listener);
    }

    private static void abort(SocketChannel c) {
        if (c == null) {
            return;
        }
        try {
            c.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // already reset or closed
        }
        closeQuietly(c);
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }
}
