package dev.steward.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 (SHA-256): hashes, inclusion and consistency proofs, and their
 * verification. Proofs are built from the hashes of perfect (full, aligned) subtrees, which a
 * {@link Subtrees} source supplies: the service reads them from its stored nodes, a test or the
 * verifier from leaves in memory.
 */
public final class Merkle {

    public static final int HASH_BYTES = 32;

    private Merkle() {
    }

    /**
     * The hash of the perfect subtree of {@code 2^level} leaves whose first leaf is
     * {@code index * 2^level}. Only subtrees inside the tree a proof is asked for are requested.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] perfect(int level, long index);
    }

    public static byte[] leafHash(byte[] leafData) {
        MessageDigest md = sha256();
        md.update((byte) 0x00);
        return md.digest(leafData);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update((byte) 0x01);
        md.update(left);
        return md.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[start:end]) for a range whose start is aligned (a multiple of the next power of two ≥ its size). */
    public static byte[] rangeHash(Subtrees tree, long start, long end) {
        long n = end - start;
        if (n == 0) {
            return emptyRoot();
        }
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return tree.perfect(level, start >>> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(rangeHash(tree, start, start + k), rangeHash(tree, start + k, end));
    }

    public static byte[] root(Subtrees tree, long size) {
        return rangeHash(tree, 0, size);
    }

    /** RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size} leaves, leaf side first. */
    public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, index, 0, size, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(tree, m, start, start + k, out);
            out.add(rangeHash(tree, start + k, end));
        } else {
            path(tree, m - k, start + k, end, out);
            out.add(rangeHash(tree, start, start + k));
        }
    }

    /** RFC 9162 §2.1.4.1: the proof that the tree of {@code oldSize} leaves is a prefix of that of {@code newSize}. */
    public static List<byte[]> consistencyProof(Subtrees tree, long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("cannot prove " + oldSize + " consistent with " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(tree, oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(rangeHash(tree, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, whole, out);
            out.add(rangeHash(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(rangeHash(tree, start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2: the root the path leads to from the leaf, or null when the path cannot fit the tree. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusion(index, size, leafHash, path);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the old tree is a prefix of the new one. */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty(); // every tree extends the empty one
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Perfect subtrees over leaf hashes held in memory (tests, and recomputing a root from an export). */
    public static Subtrees inMemory(List<byte[]> leafHashes) {
        return (level, index) -> {
            long from = index << level;
            byte[][] layer = leafHashes.subList((int) from, (int) (from + (1L << level))).toArray(byte[][]::new);
            for (int l = 0; l < level; l++) {
                byte[][] up = new byte[layer.length / 2][];
                for (int i = 0; i < up.length; i++) {
                    up[i] = nodeHash(layer[2 * i], layer[2 * i + 1]);
                }
                layer = up;
            }
            return layer[0];
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean equal(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
