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
 * The kernel's endpoint under test on one port pair: its sockets (a listener on 192.0.2.2:port for a server, a socket
 * bound to it and connecting to the peer for a client) and the flow of segments it sends. Its methods must run on one
 * of the harness's namespace threads.
 */
final class KernelSubject implements AutoCloseable {
    /** The window the peer advertises. */
    static final int WINDOW = 65535;

    private final KernelHarness.Flow flow;
    private final boolean server;
    private ServerSocketChannel listener;
    private SocketChannel connection;
    private final List<KernelHarness.Flow.Arrived> history = new ArrayList<>();
    private boolean timerFired;

    /** A SYN or SYN-ACK repeated at least this long after the first: the kernel's retransmission timer (1 s). */
    static final long RETRANSMISSION_NANOS = 900_000_000L;

    KernelSubject(KernelHarness harness, boolean server, int kernelPort, int peerPort) {
        this.flow = harness.open(kernelPort, peerPort);
        this.server = server;
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
                listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
                listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                listener.bind(local, 16);
                listener.configureBlocking(false);
            }
            case CONNECT -> {
                connection = SocketChannel.open(StandardProtocolFamily.INET);
                connection.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                connection.bind(local);
                connection.configureBlocking(false);
                connection.connect(new InetSocketAddress(Packet.ipv4(KernelHarness.PEER), flow.peerPort()));
            }
            case ACCEPT -> {
                long until = System.nanoTime() + 1_000_000_000L;
                while (connection == null && System.nanoTime() < until) {
                    connection = listener.accept();
                    if (connection == null) {
                        Thread.sleep(1);
                    }
                }
                if (connection == null) {
                    throw new IOException("accept: no connection in the accept queue");
                }
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
        if (!server && connection.isConnectionPending()) {
            connection.finishConnect();
        }
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
        if (s.has(Packet.SYN)) {
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
     * Whether the kernel repeated a SYN or SYN-ACK a second or more after sending it: its retransmission timer fired
     * (a machine so loaded that a cell took that long), and the cell must be run again.
     */
    boolean timerFired() {
        return timerFired;
    }

    /**
     * The state of this port pair in a snapshot of {@link KernelHarness#sockets}: the connection's state, else LISTEN
     * when a server's listener is open (the model's B listens again when a connection ends), else CLOSED.
     */
    ConnectionState state(Map<Integer, ConnectionState> sockets) {
        ConnectionState s = KernelHarness.stateOf(sockets, flow.kernelPort(), flow.peerPort());
        if (s == ConnectionState.CLOSED && server
                && KernelHarness.stateOf(sockets, flow.kernelPort(), 0) == ConnectionState.LISTEN) {
            return ConnectionState.LISTEN;
        }
        return s;
    }

    /** Closes the sockets (an abortive close: SO_LINGER 0) and stops listening to the flow. */
    @Override
    public void close() {
        flow.close();
        try {
            if (connection != null) {
                connection.setOption(StandardSocketOptions.SO_LINGER, 0);
                connection.close();
            }
        } catch (IOException e) {
            // already reset or closed
        }
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }
}
