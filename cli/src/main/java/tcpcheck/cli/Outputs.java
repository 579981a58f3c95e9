package tcpcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tcpcheck.properties.AtomicFiles;
import tcpcheck.properties.OutputFolder;

/**
 * The files a command writes: checked before any search (a folder made, locked and checked for files tcpcheck did
 * not write; a file's folder made and tried), written after it by {@link AtomicFiles}, and remembered, so that the
 * command can say every path it wrote. Paths are kept as the user gave them.
 */
final class Outputs implements AutoCloseable {
    private final StatusLine status;
    private final String command;
    private final List<OutputFolder> folders = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();

    Outputs(StatusLine status, String command) {
        this.status = status;
        this.command = command;
    }

    /**
     * {@code --out DIR}, checked now: made when missing, locked against another tcpcheck, and refused when one of
     * {@code names} is there and tcpcheck did not write it.
     */
    OutputFolder folder(Path dir, Collection<String> names) throws IOException {
        OutputFolder f = OutputFolder.open(dir);
        folders.add(f);
        f.checkOwned(names);
        return f;
    }

    /** {@code --junit FILE} or {@code --output FILE}, checked now. */
    void file(Path file) throws IOException {
        AtomicFiles.checkWritable(file);
    }

    /** Writes one file, whole. */
    void write(Path file, byte[] content) throws IOException {
        status.phase(command, "writing");
        status.detail(file.toString(), null);
        AtomicFiles.write(file, content);
        written.add(file);
    }

    /** Writes files into a folder opened by {@link #folder}; returns their paths. */
    List<Path> write(OutputFolder folder, Map<String, byte[]> files, boolean removeStale) throws IOException {
        status.phase(command, "writing");
        status.detail(files.size() + " files into " + folder.dir(), null);
        List<Path> paths = folder.write(files, removeStale);
        written.addAll(paths);
        return paths;
    }

    /** Every path written so far, in order. */
    List<Path> written() {
        return List.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        for (OutputFolder f : folders) {
            f.close();
        }
    }
}
