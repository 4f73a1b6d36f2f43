package dev.steward.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * C2SP tlog-cosignature v1 (Ed25519): a witness's signature over
 * {@code "cosignature/v1\ntime <t>\n" || checkpoint text}, carried as a note signature whose bytes
 * are the 8-byte big-endian timestamp followed by the 64-byte signature.
 */
public final class Cosignature {

    private Cosignature() {
    }

    static byte[] message(String checkpointText, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    public static SignedNote.Signature sign(NoteKey witness, byte[] seed, String checkpointText, long timestamp) {
        if (witness.type() != NoteKey.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosigning key has type 0x04");
        }
        byte[] sig = Ed25519.sign(seed, message(checkpointText, timestamp));
        byte[] bytes = ByteBuffer.allocate(8 + sig.length).putLong(timestamp).put(sig).array();
        return new SignedNote.Signature(witness.name(), witness.keyIdInt(), bytes);
    }

    /** Whether {@code note} carries a valid cosignature by {@code witness}. */
    public static boolean verify(SignedNote note, NoteKey witness) {
        return note.signatures().stream().anyMatch(s -> s.name().equals(witness.name())
                && s.keyId() == witness.keyIdInt() && s.bytes().length == 72
                && Ed25519.verify(witness.publicKey(), message(note.text(), ByteBuffer.wrap(s.bytes()).getLong()),
                Arrays.copyOfRange(s.bytes(), 8, 72)));
    }
}
