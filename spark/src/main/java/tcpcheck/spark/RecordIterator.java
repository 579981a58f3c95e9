package tcpcheck.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The records of a partition's frontier, one {@code long[]} each, out of the array that holds them all. */
final class RecordIterator implements Iterator<long[]> {
    private final long[] all;
    private final int count;
    private final int words;
    private int next;

    RecordIterator(long[] all, int count, int words) {
        this.all = all;
        this.count = count;
        this.words = words;
    }

    @Override
    public boolean hasNext() {
        return next < count;
    }

    @Override
    public long[] next() {
        if (next >= count) {
            throw new NoSuchElementException();
        }
        int at = words * next++;
        return Arrays.copyOfRange(all, at, at + words);
    }
}
