package tcpcheck.conformance;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tcpcheck.model.ConnectionState;

/**
 * The running Linux kernel's TCP behind a TUN device, in a private network namespace. The kernel's address is
 * 192.0.2.2 on the device {@code tcpc0}; the harness is 192.0.2.1 on the other side of it: every segment the harness
 * writes comes from 192.0.2.1, and everything the kernel sends to 192.0.2.0/24 comes back to the harness, which
 * sorts it by port pair into {@link Flow}s. The namespace has no other interface than its loopback and the device,
 * so no route leads out of it.
 *
 * <p>The route to 192.0.2.0/24 carries {@code rto_min 3s}: the kernel retransmits nothing sooner than three seconds
 * after sending, so that no retransmission falls into the window in which the harness reads an answer (answers come
 * within microseconds of the segment that draws them). The timers of connection setup are the kernel's own: a
 * SYN or SYN-ACK is retransmitted after one second, TIME-WAIT lasts 60 seconds.
 */
final class KernelHarness implements AutoCloseable {
    static final int KERNEL = Packet.documentationAddress(2);
    static final int PEER = Packet.documentationAddress(1);
    static final String DEVICE = "tcpc0";

    private final NetworkNamespace ns;
    private final ExecutorService inside;
    private final Tun tun;
    private final Map<Integer, Flow> flows = new ConcurrentHashMap<>();
    private final AtomicLong strays = new AtomicLong();
    private final Flow sentinel;
    private long sentinelSeq = 1;

    private KernelHarness(NetworkNamespace ns, ExecutorService inside, Tun tun) {
        this.ns = ns;
        this.inside = inside;
        this.tun = tun;
        this.sentinel = open(SENTINEL_PORT, SENTINEL_PORT);
    }

    /** The port pair of the sentinel: nothing listens on the kernel's port 1, so a SYN there draws an RST. */
    static final int SENTINEL_PORT = 1;

    /**
     * Waits until the harness has read everything the kernel sent before this call: it sends a SYN to a closed port
     * and waits for the RST it draws. The kernel answers a segment while the harness writes it, and the device hands
     * out datagrams in order, so every answer to a segment written before the SYN is read before the RST. A heavily
     * loaded machine may keep the reading thread waiting; this makes the answer window independent of it.
     */
    synchronized void drain() throws IOException, InterruptedException {
        long seq = sentinelSeq;
        sentinelSeq += 2;
        sentinel.send(new Seg(Packet.SYN, seq, 0, 0), 512);
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            Flow.Arrived a = sentinel.next(1000);
            if (a != null && a.packet().has(Packet.RST) && a.packet().ack() == seq + 1) {
                return;
            }
        }
        throw new IOException("the kernel did not answer the sentinel SYN within 30 s");
    }

    /**
     * Creates the namespace, the device and its address and route, and starts reading. {@code threads} namespace
     * threads run the cells (a socket is created in the namespace of the thread that creates it).
     */
    static KernelHarness start(int threads) throws NetworkNamespace.UnavailableException {
        NetworkNamespace ns = NetworkNamespace.create();
        ExecutorService inside = Executors.newFixedThreadPool(threads, ns.threads("tcpcheck-conform"));
        Tun tun = null;
        try {
            Future<Tun> created = inside.submit(() -> Tun.create(DEVICE));
            tun = created.get(10, TimeUnit.SECONDS);
            ns.ip("addr", "add", "192.0.2.2/24", "dev", DEVICE);
            ns.ip("link", "set", DEVICE, "up");
            ns.ip("route", "replace", "192.0.2.0/24", "dev", DEVICE, "proto", "kernel", "scope", "link", "src",
                    "192.0.2.2", "rto_min", "3s");
        } catch (Exception e) {
            if (tun != null) {
                tun.close();
            }
            inside.shutdownNow();
            ns.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            throw new NetworkNamespace.UnavailableException("cannot set up the TUN device: " + cause.getMessage());
        }
        KernelHarness h = new KernelHarness(ns, inside, tun);
        tun.startReading(h::dispatch);
        return h;
    }

    NetworkNamespace namespace() {
        return ns;
    }

    /** The namespace threads; tasks that create sockets must run here. */
    ExecutorService inside() {
        return inside;
    }

    /** Registers the port pair (kernel port, peer port): the kernel's segments on it go to the returned flow. */
    Flow open(int kernelPort, int peerPort) {
        Flow f = new Flow(this, kernelPort, peerPort);
        if (flows.putIfAbsent(key(kernelPort, peerPort), f) != null) {
            throw new IllegalStateException("port pair in use: " + kernelPort + ", " + peerPort);
        }
        return f;
    }

    void forget(Flow f) {
        flows.remove(key(f.kernelPort(), f.peerPort()), f);
    }

    /** Datagrams the kernel sent on no registered port pair (answers to segments after a cell was done). */
    long strays() {
        return strays.get();
    }

    void write(Packet p) {
        tun.write(p.encode());
    }

    private void dispatch(Tun.Received r) {
        Packet p = Packet.decode(r.datagram(), r.length());
        if (p == null || p.srcIp() != KERNEL || p.dstIp() != PEER) {
            return;
        }
        Flow f = flows.get(key(p.srcPort(), p.dstPort()));
        if (f == null) {
            strays.incrementAndGet();
            return;
        }
        f.arrived(p, r.nanos());
    }

    private static int key(int kernelPort, int peerPort) {
        return kernelPort << 16 | peerPort;
    }

    /**
     * The kernel's TCP sockets on 192.0.2.2 by port pair, as {@code ss -tan} shows them in the namespace: the state
     * of each connection (kernel port, peer port) and the listening ports (under peer port 0).
     */
    Map<Integer, ConnectionState> sockets() throws IOException {
        String out = ns.exec("ss", "-tanH");
        Map<Integer, ConnectionState> m = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            int local = port(f[3]);
            int peer = f[4].endsWith(":*") ? 0 : port(f[4]);
            ConnectionState s = rfcState(f[0]);
            if (s != null && local > 0) {
                m.put(key(local, peer), s);
            }
        }
        return m;
    }

    /** The state {@link #sockets} gives a port pair: absent is CLOSED. */
    static ConnectionState stateOf(Map<Integer, ConnectionState> sockets, int kernelPort, int peerPort) {
        return sockets.getOrDefault(key(kernelPort, peerPort), ConnectionState.CLOSED);
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** ss's names of TCP states, as RFC 9293 names them. */
    static ConnectionState rfcState(String ss) {
        return switch (ss) {
            case "LISTEN" -> ConnectionState.LISTEN;
            case "SYN-SENT" -> ConnectionState.SYN_SENT;
            case "SYN-RECV" -> ConnectionState.SYN_RECEIVED;
            case "ESTAB" -> ConnectionState.ESTABLISHED;
            case "FIN-WAIT-1" -> ConnectionState.FIN_WAIT_1;
            case "FIN-WAIT-2" -> ConnectionState.FIN_WAIT_2;
            case "CLOSE-WAIT" -> ConnectionState.CLOSE_WAIT;
            case "CLOSING" -> ConnectionState.CLOSING;
            case "LAST-ACK" -> ConnectionState.LAST_ACK;
            case "TIME-WAIT" -> ConnectionState.TIME_WAIT;
            case "UNCONN", "CLOSE" -> ConnectionState.CLOSED;
            default -> null;
        };
    }

    @Override
    public void close() {
        inside.shutdownNow();
        try {
            inside.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tun.close();
        ns.close();
    }

    /** The kernel's segments on one port pair, in the order they were sent. */
    static final class Flow {
        private final KernelHarness harness;
        private final int kernelPort;
        private final int peerPort;
        private final LinkedBlockingQueue<Arrived> queue = new LinkedBlockingQueue<>();

        /** A segment the kernel sent, and when the harness read it ({@link System#nanoTime}). */
        record Arrived(Packet packet, long nanos) {
        }

        Flow(KernelHarness harness, int kernelPort, int peerPort) {
            this.harness = harness;
            this.kernelPort = kernelPort;
            this.peerPort = peerPort;
        }

        int kernelPort() {
            return kernelPort;
        }

        int peerPort() {
            return peerPort;
        }

        void arrived(Packet p, long nanos) {
            queue.add(new Arrived(p, nanos));
        }

        /** Sends a segment from the peer to the kernel on this port pair. */
        void send(Seg s, int window) {
            byte[] payload = new byte[s.data()];
            java.util.Arrays.fill(payload, (byte) 'x');
            harness.write(new Packet(PEER, KERNEL, peerPort, kernelPort, s.seq(), s.ack(),
                    s.flags() | (s.data() > 0 ? Packet.PSH : 0), window, payload));
        }

        /** The next segment the kernel sends within {@code millis}, or null. */
        Arrived next(long millis) throws InterruptedException {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        }

        void close() {
            harness.forget(this);
        }
    }
}
