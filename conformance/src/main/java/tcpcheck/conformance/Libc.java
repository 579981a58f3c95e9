package tcpcheck.conformance;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/** The few C library calls the harness needs, through JNA: the TUN device's ioctl, setns(2), poll(2), read and write. */
interface Libc extends Library {
    int O_RDWR = 2;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;
    /** _IOW('T', 202, int). */
    long TUNSETIFF = 0x400454caL;
    short IFF_TUN = 0x0001;
    short IFF_NO_PI = 0x1000;
    short POLLIN = 0x0001;

    Libc C = Native.load("c", Libc.class);

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int ioctl(int fd, NativeLong request, byte[] argument) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    /** {@code struct pollfd} as two ints: the descriptor, then events (low 16 bits) and revents (high 16 bits). */
    int poll(int[] fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    int geteuid();
}
