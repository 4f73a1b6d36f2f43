package dev.steward.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a UTF-8 text of newline-terminated lines, a blank line, then one signature
 * line per signer, {@code — <key name> base64(4-byte key ID || signature)} (U+2014 em dash).
 */
public record SignedNote(String text, List<Signature> signatures) {

    public static final String DASH = "\u2014 ";

    public record Signature(String name, int keyId, byte[] bytes) {

        public String line() {
            byte[] all = ByteBuffer.allocate(4 + bytes.length).putInt(keyId).put(bytes).array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} (which must end with a newline) with an Ed25519 note key (type 0x01). */
    public static SignedNote sign(String text, NoteKey key, byte[] seed) {
        checkText(text);
        byte[] sig = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new Signature(key.name(), key.keyIdInt(), sig)));
    }

    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has its text, a blank line, then signature lines");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        List<Signature> sigs = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a signature line is '— name signature'");
            }
            byte[] all = Base64.getDecoder().decode(parts[1]);
            if (all.length < 5) {
                throw new IllegalArgumentException("a signature is a key ID and the signature bytes");
            }
            sigs.add(new Signature(parts[0], ByteBuffer.wrap(all, 0, 4).getInt(), Arrays.copyOfRange(all, 4, all.length)));
        }
        if (sigs.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        return new SignedNote(text, sigs);
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text is non-empty lines, each ending in a newline");
        }
    }

    /** Whether a signature by {@code key} (name and key ID matching) verifies over the text. */
    public boolean verifiedBy(NoteKey key) {
        if (key.type() != NoteKey.ED25519) {
            return false;
        }
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(s -> s.name().equals(key.name()) && s.keyId() == key.keyIdInt()
                && Ed25519.verify(key.publicKey(), msg, s.bytes()));
    }

    public SignedNote with(Signature extra) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(extra);
        return new SignedNote(text, all);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(text).append('\n');
        signatures.forEach(s -> b.append(s.line()));
        return b.toString();
    }
}
