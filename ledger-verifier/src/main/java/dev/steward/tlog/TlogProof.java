package dev.steward.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-proof (v1): the entry's index, its inclusion path and the signed checkpoint it is
 * proved against. The ledger puts the leaf data itself (the entry's canonical JSON) in the
 * {@code extra} line, so one file is enough to check the entry offline.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> path, String checkpointNote) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        path = List.copyOf(path);
    }

    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int k = 0;
        if (lines.length < 3 || !lines[k++].equals(HEADER)) {
            throw new IllegalArgumentException("a tlog proof starts with " + HEADER);
        }
        byte[] extra = null;
        if (lines[k].startsWith("extra ")) {
            extra = Base64.getDecoder().decode(lines[k++].substring(6));
        }
        if (!lines[k].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("a tlog proof names the index: " + lines[k]);
        }
        long index = Long.parseLong(lines[k++].substring(6));
        List<byte[]> path = new ArrayList<>();
        while (k < lines.length && !lines[k].isEmpty()) {
            path.add(Base64.getDecoder().decode(lines[k++]));
        }
        if (k >= lines.length) {
            throw new IllegalArgumentException("a tlog proof ends with a blank line and the checkpoint");
        }
        String note = String.join("\n", java.util.Arrays.asList(lines).subList(k + 1, lines.length));
        return new TlogProof(extra, index, path, note);
    }

    public String text() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            b.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        b.append("index ").append(index).append('\n');
        path.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return b.append('\n').append(checkpointNote).toString();
    }

    /**
     * Checks the checkpoint's signature, that the leaf in {@code extra} is the entry at
     * {@code index}, and that the path leads from its hash to the checkpoint's root.
     */
    public LeafData verify(NoteKey logKey) {
        Checkpoint cp = Checkpoint.verified(checkpointNote, logKey).checkpoint();
        if (extra == null) {
            throw new VerificationException("the proof carries no entry (extra line)");
        }
        LeafData leaf;
        try {
            leaf = LeafData.parse(new String(extra, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the entry is not a ledger leaf: " + e.getMessage());
        }
        if (leaf.seq() != index + 1) {
            throw new VerificationException("the entry is sequence " + leaf.seq() + " but the proof is for index " + index);
        }
        if (!Merkle.verifyInclusion(index, cp.size(), Merkle.leafHash(extra), path, cp.rootHash())) {
            throw new VerificationException("the inclusion path does not lead from entry " + index
                    + " to the root of the checkpoint of size " + cp.size());
        }
        return leaf;
    }
}
