package tcpcheck.cli;

import java.nio.file.Path;
import tcpcheck.properties.AtomicFiles;

/**
 * A process that writes files of 16 MiB into a folder by {@link AtomicFiles}, the one way tcpcheck writes, one after
 * another until it is stopped: so that a signal almost always finds a file half-written. Prints "writing" once the
 * first file is whole.
 */
public final class WriteUntilStopped {
    /** The size of each file. */
    static final int SIZE = 16 << 20;

    private WriteUntilStopped() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] content = new byte[SIZE];
        for (int i = 0; ; i++) {
            AtomicFiles.write(dir.resolve("file" + i % 4 + ".bin"), content);
            if (i == 0) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
