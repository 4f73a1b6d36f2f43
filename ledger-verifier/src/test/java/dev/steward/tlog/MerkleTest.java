package dev.steward.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Merkle.leafHash(("leaf-" + i).getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    /** RFC 9162 §2.1.1 written as the definition reads (recursive MTH), to check the proof code against. */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return Merkle.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return Merkle.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vectors() throws IOException {
        try (InputStream in = MerkleTest.class.getResourceAsStream("/rfc9162-vectors-16.json")) {
            return Json.object(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<byte[]> hexes(Object list) {
        return ((List<?>) list).stream().map(h -> HEX.parseHex((String) h)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void matchesTheIndependentVectorsForEveryRootInclusionAndConsistencyProof() throws IOException {
        Map<String, Object> v = vectors();
        Map<String, Object> roots = (Map<String, Object>) v.get("roots");
        for (Map.Entry<String, Object> e : roots.entrySet()) {
            int n = Integer.parseInt(e.getKey());
            List<byte[]> leaves = leaves(n);
            assertEquals(e.getValue(), HEX.formatHex(Merkle.root(Merkle.inMemory(leaves), n)), "root of " + n);
            CompactRange r = new CompactRange();
            leaves.forEach(r::append);
            assertEquals(e.getValue(), HEX.formatHex(r.root()), "streamed root of " + n);
        }
        int inclusions = 0;
        for (Object o : (List<Object>) v.get("inclusion")) {
            Map<String, Object> c = (Map<String, Object>) o;
            long index = (Long) c.get("index");
            long size = (Long) c.get("size");
            List<byte[]> leaves = leaves((int) size);
            List<byte[]> expected = hexes(c.get("path"));
            List<byte[]> ours = Merkle.inclusionProof(Merkle.inMemory(leaves), index, size);
            assertEquals(expected.size(), ours.size(), "path length " + index + "/" + size);
            for (int i = 0; i < ours.size(); i++) {
                assertArrayEquals(expected.get(i), ours.get(i), "path " + index + "/" + size + " hash " + i);
            }
            byte[] root = HEX.parseHex((String) roots.get(Long.toString(size)));
            assertTrue(Merkle.verifyInclusion(index, size, leaves.get((int) index), expected, root));
            inclusions++;
        }
        int consistencies = 0;
        for (Object o : (List<Object>) v.get("consistency")) {
            Map<String, Object> c = (Map<String, Object>) o;
            long m = (Long) c.get("old");
            long n = (Long) c.get("new");
            List<byte[]> expected = hexes(c.get("proof"));
            List<byte[]> ours = Merkle.consistencyProof(Merkle.inMemory(leaves((int) n)), m, n);
            assertEquals(expected.size(), ours.size(), "proof length " + m + "→" + n);
            for (int i = 0; i < ours.size(); i++) {
                assertArrayEquals(expected.get(i), ours.get(i), "proof " + m + "→" + n + " hash " + i);
            }
            assertTrue(Merkle.verifyConsistency(m, n, HEX.parseHex((String) roots.get(Long.toString(m))),
                    HEX.parseHex((String) roots.get(Long.toString(n))), expected), m + "→" + n);
            consistencies++;
        }
        assertTrue(inclusions >= 136 && consistencies >= 136, inclusions + " / " + consistencies);
    }

    @Test
    void everyInclusionAndConsistencyProofVerifiesForSizesOneToThreeHundred() {
        List<byte[]> all = leaves(300);
        Merkle.Subtrees tree = Merkle.inMemory(all);
        byte[][] roots = new byte[301][];
        CompactRange streamed = new CompactRange();
        for (int n = 1; n <= 300; n++) {
            streamed.append(all.get(n - 1));
            roots[n] = mth(all.subList(0, n));
            assertArrayEquals(roots[n], Merkle.root(tree, n), "root " + n);
            assertArrayEquals(roots[n], streamed.root(), "streamed root " + n);
        }
        long checked = 0;
        for (int n = 1; n <= 300; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> path = Merkle.inclusionProof(tree, i, n);
                assertTrue(Merkle.verifyInclusion(i, n, all.get(i), path, roots[n]), i + " in " + n);
                checked++;
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = Merkle.consistencyProof(tree, m, n);
                assertTrue(Merkle.verifyConsistency(m, n, roots[m], roots[n], proof), m + "→" + n);
                checked++;
            }
        }
        assertEquals(2 * (300L * 301 / 2), checked);
    }

    @Test
    void wrongLeavesPathsAndRootsAreRefused() {
        List<byte[]> all = leaves(37);
        Merkle.Subtrees tree = Merkle.inMemory(all);
        byte[] root = Merkle.root(tree, 37);
        List<byte[]> path = Merkle.inclusionProof(tree, 12, 37);
        assertFalse(Merkle.verifyInclusion(12, 37, all.get(13), path, root), "another leaf");
        assertFalse(Merkle.verifyInclusion(13, 37, all.get(12), path, root), "another index");
        List<byte[]> last = Merkle.inclusionProof(tree, 36, 37);
        assertFalse(Merkle.verifyInclusion(36, 40, all.get(36), last, root), "a size the path does not fit");
        assertFalse(Merkle.verifyInclusion(12, 37, all.get(12), path.subList(1, path.size()), root), "a short path");
        List<byte[]> bent = new ArrayList<>(path);
        bent.set(2, all.get(0));
        assertFalse(Merkle.verifyInclusion(12, 37, all.get(12), bent, root), "a changed path");

        List<byte[]> proof = Merkle.consistencyProof(tree, 20, 37);
        byte[] oldRoot = Merkle.root(tree, 20);
        assertTrue(Merkle.verifyConsistency(20, 37, oldRoot, root, proof));
        List<byte[]> forked = new ArrayList<>(all);
        forked.set(5, all.get(6)); // another history for the first 20 entries
        assertFalse(Merkle.verifyConsistency(20, 37, Merkle.root(Merkle.inMemory(forked), 20), root, proof), "a fork");
        assertFalse(Merkle.verifyConsistency(37, 20, root, oldRoot, proof), "shrinking");
        assertFalse(Merkle.verifyConsistency(20, 37, oldRoot, root, proof.subList(0, proof.size() - 1)), "short proof");
    }
}
