package tcpcheck.conformance;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A TUN device (IFF_TUN, IFF_NO_PI: bare IPv4 datagrams) whose other side is the harness: what the harness writes the
 * kernel receives on the device, and what the kernel routes to the device the harness reads. It is created by the
 * TUNSETIFF ioctl in the namespace of the calling thread, and disappears when closed.
 */
final class Tun implements AutoCloseable {
    private static final int MTU_BUFFER = 65536;

    private final int fd;
    private final String name;
    private volatile boolean open = true;
    private Thread reader;

    private Tun(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** Creates the device {@code name} in the calling thread's network namespace. */
    static Tun create(String name) {
        int fd = Libc.C.open("/dev/net/tun", Libc.O_RDWR | Libc.O_CLOEXEC);
        byte[] ifreq = new byte[40];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 15) {
            Libc.C.close(fd);
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        System.arraycopy(n, 0, ifreq, 0, n.length);
        short flags = (short) (Libc.IFF_TUN | Libc.IFF_NO_PI);
        ifreq[16] = (byte) flags;
        ifreq[17] = (byte) (flags >>> 8);
        try {
            Libc.C.ioctl(fd, new NativeLong(Libc.TUNSETIFF), ifreq);
        } catch (LastErrorException e) {
            Libc.C.close(fd);
            throw new IllegalStateException("TUNSETIFF " + name + " failed: errno " + e.getErrorCode(), e);
        }
        return new Tun(fd, name);
    }

    String name() {
        return name;
    }

    /** Writes one datagram into the device: the kernel receives it. */
    void write(byte[] datagram) {
        Libc.C.write(fd, datagram, new NativeLong(datagram.length));
    }

    /** Starts a thread that hands every datagram the kernel sends to {@code sink}, with its arrival time (ns). */
    void startReading(Consumer<Received> sink) {
        reader = new Thread(() -> readLoop(sink), "tun-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A datagram read from the device and when it was read ({@link System#nanoTime}). */
    record Received(byte[] datagram, int length, long nanos) {
    }

    private void readLoop(Consumer<Received> sink) {
        int[] pollfd = {fd, Libc.POLLIN};
        while (open) {
            pollfd[1] = Libc.POLLIN;
            int ready;
            try {
                ready = Libc.C.poll(pollfd, new NativeLong(1), 50);
            } catch (LastErrorException e) {
                if (!open) {
                    return;
                }
                continue;
            }
            if (ready <= 0 || (pollfd[1] >>> 16 & Libc.POLLIN) == 0) {
                continue;
            }
            byte[] buf = new byte[MTU_BUFFER];
            int len;
            try {
                len = Libc.C.read(fd, buf, new NativeLong(buf.length)).intValue();
            } catch (LastErrorException e) {
                if (!open) {
                    return;
                }
                continue;
            }
            if (len > 0) {
                sink.accept(new Received(buf, len, System.nanoTime()));
            }
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (reader != null) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Libc.C.close(fd);
    }
}
