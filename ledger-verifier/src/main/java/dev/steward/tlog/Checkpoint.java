package dev.steward.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-checkpoint: origin line, tree size in decimal, base64 root hash, and
 * optional extension lines.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("the origin is one non-empty line");
        }
        if (size < 0 || rootHash.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("a checkpoint has a size ≥ 0 and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public static Checkpoint of(String origin, long size, byte[] rootHash) {
        return new Checkpoint(origin, size, rootHash, List.of());
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is origin, size and root hash lines");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is a decimal without leading zeroes: " + lines[1]);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]),
                Arrays.asList(lines).subList(3, lines.length - 1));
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String text() {
        StringBuilder b = new StringBuilder(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** Parses a signed checkpoint note and checks the log's signature; throws when it does not verify. */
    public static Signed verified(String note, NoteKey logKey) {
        SignedNote n = SignedNote.parse(note);
        if (!n.verifiedBy(logKey)) {
            throw new VerificationException("the checkpoint is not signed by " + logKey.name() + " (key ID "
                    + Integer.toHexString(logKey.keyIdInt()) + ")");
        }
        Checkpoint cp = parse(n.text());
        if (!cp.origin().equals(logKey.name())) {
            throw new VerificationException("the checkpoint's origin " + cp.origin() + " is not the log " + logKey.name());
        }
        return new Signed(cp, n);
    }

    /** A checkpoint with the note it came in. */
    public record Signed(Checkpoint checkpoint, SignedNote note) {
    }
}
