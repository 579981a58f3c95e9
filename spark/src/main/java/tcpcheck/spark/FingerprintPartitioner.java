package tcpcheck.spark;

import org.apache.spark.Partitioner;

/**
 * Which partition owns a state: by the top 32 bits of its normalized fingerprint (never 0), so every partition owns
 * an equal share of the fingerprints. Keys below 2^32 are not states but the records a level's expansion sends
 * along with its successors ({@link Records}): they all go to partition 0.
 */
final class FingerprintPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    FingerprintPartitioner(int partitions) {
        this.partitions = partitions;
    }

    static int owner(long fp, int partitions) {
        return (int) ((fp >>> 32) % partitions);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long k = (Long) key;
        return (k >>> 32) == 0 ? 0 : owner(k, partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
