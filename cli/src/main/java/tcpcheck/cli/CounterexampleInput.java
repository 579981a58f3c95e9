package tcpcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import tcpcheck.properties.CounterexampleFile;

/**
 * Reads a counterexample file as {@code replay}, {@code show} and {@code explore} take it. Anything wrong with it is
 * refused with one line that names the path as the user gave it and says why (exit 2): a path that cannot be read
 * (no such file, permission denied, a folder), a special file (a FIFO, a device, a socket: refused without opening
 * it, so that nothing blocks), a file larger than {@link CounterexampleFile#MAX_BYTES} (refused before it is read),
 * text that is not UTF-8, and a file that is not a valid counterexample (the field, the value and what it must be).
 */
final class CounterexampleInput {
    private CounterexampleInput() {
    }

    /** A file that cannot be taken as a counterexample: an I/O failure to the command line, one line and exit 2. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    static CounterexampleFile.Counterexample read(Path file) throws Refused {
        String text = text(file);
        try {
            return CounterexampleFile.read(text);
        } catch (CounterexampleFile.InvalidException e) {
            throw new Refused(file + " is not a valid counterexample: " + e.getMessage());
        }
    }

    /** The file's text: a regular file of at most {@link CounterexampleFile#MAX_BYTES} bytes, in UTF-8. */
    static String text(Path file) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + reason(e));
        }
        if (a.isDirectory()) {
            throw new Refused("cannot read " + file + ": is a directory, not a counterexample file");
        }
        if (!a.isRegularFile()) {
            throw new Refused("cannot read " + file + ": " + special(file) + ", not a counterexample file (give a"
                    + " regular file)");
        }
        if (a.size() > CounterexampleFile.MAX_BYTES) {
            throw new Refused(tooLarge(file, a.size() + " bytes"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) CounterexampleFile.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + reason(e));
        }
        if (bytes.length > CounterexampleFile.MAX_BYTES) {
            throw new Refused(tooLarge(file, "more than " + CounterexampleFile.MAX_BYTES + " bytes (it grew while"
                    + " being read)"));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(file + " is not a valid counterexample: not UTF-8 text (an invalid byte at offset "
                    + in.position() + ")");
        }
    }

    private static String tooLarge(Path file, String size) {
        return file + " is not a valid counterexample: it has " + size + "; a counterexample file has at most "
                + (CounterexampleFile.MAX_BYTES >> 20) + " MiB (" + CounterexampleFile.MAX_BYTES + " bytes)";
    }

    /** Why a path cannot be read, as a person says it ("no such file", "permission denied"). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException
                || e instanceof FileSystemException f && "Not a directory".equals(f.getReason())) {
            return "not a directory (a part of the path is a file)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        return e.getMessage() != null ? e.getMessage() : "an I/O error";
    }

    /** What kind of special file this is: a FIFO, a character or block device, a socket. */
    private static String special(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a FIFO (named pipe)";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // Not a Unix file system, or the file went away: say it as a special file.
        }
        return "a special file";
    }

    static String title(CounterexampleFile.Counterexample cx) {
        if (cx.title() != null) {
            return cx.title() + (cx.source() != null ? " (" + cx.source() + ")" : "");
        }
        if (cx.property() == null) {
            return cx.variant().id() + ": a scenario of " + cx.length() + " actions";
        }
        return CounterexampleView.title(cx.variant(), cx.parameters(), cx.property(), cx.length());
    }
}
