package dev.steward.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 9162 tree as it grows: the hashes of the perfect subtrees that make
 * up its {@code size} leaves (largest first). Appending a leaf merges equal subtrees, reporting
 * each new full subtree to a listener, and the root of the tree so far is the right-to-left fold
 * of the edge. O(log n) memory whatever the size, so a verifier can stream millions of entries.
 */
public final class CompactRange {

    /** Told of every perfect subtree completed by an append: its level, index and hash. */
    @FunctionalInterface
    public interface Listener {
        void completed(int level, long index, byte[] hash);
    }

    private long size;
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();

    public CompactRange() {
    }

    /** Resumes a tree of {@code size} leaves from its edge (perfect subtrees of the binary decomposition of size, largest first). */
    public static CompactRange resume(long size, Merkle.Subtrees tree) {
        CompactRange r = new CompactRange();
        long offset = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                r.hashes.add(tree.perfect(level, offset >>> level));
                r.levels.add(level);
                offset += 1L << level;
            }
        }
        r.size = size;
        return r;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, Listener listener) {
        hashes.add(leafHash);
        levels.add(0);
        size++;
        while (levels.size() >= 2 && levels.get(levels.size() - 1).equals(levels.get(levels.size() - 2))) {
            int last = levels.size() - 1;
            byte[] right = hashes.remove(last);
            int level = levels.remove(last) + 1;
            byte[] left = hashes.remove(last - 1);
            levels.remove(last - 1);
            byte[] node = Merkle.nodeHash(left, right);
            hashes.add(node);
            levels.add(level);
            if (listener != null) {
                listener.completed(level, (size >>> level) - 1, node);
            }
        }
    }

    public void append(byte[] leafHash) {
        append(leafHash, null);
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] r = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            r = Merkle.nodeHash(hashes.get(i), r);
        }
        return r;
    }

    public CompactRange copy() {
        CompactRange c = new CompactRange();
        c.size = size;
        c.hashes.addAll(hashes);
        c.levels.addAll(levels);
        return c;
    }
}
