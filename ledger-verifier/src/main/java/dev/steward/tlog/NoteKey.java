package dev.steward.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note key: a name, a signature type (0x01 Ed25519 note signatures, 0x04 Ed25519
 * tlog cosignatures) and a 32-byte Ed25519 public key. Its key ID is
 * {@code SHA-256(name || "\n" || type || key)[:4]}, and its published (verifier key) form is
 * {@code <name>+<key ID as 8 hex digits>+<base64(type || key)>}.
 */
public record NoteKey(String name, int type, byte[] publicKey) {

    public static final int ED25519 = 0x01;
    public static final int COSIGNATURE_V1 = 0x04;

    public NoteKey {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+': " + name);
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static NoteKey ofSeed(String name, int type, byte[] seed) {
        return new NoteKey(name, type, Ed25519.publicKeyOf(seed));
    }

    /** Parses a verifier key {@code name+hexid+base64}; refuses one whose ID does not match its key. */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3); // the base64 key may itself contain +
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is name+keyid+key");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || (typed[0] != ED25519 && typed[0] != COSIGNATURE_V1)) {
            throw new IllegalArgumentException("only Ed25519 keys (type 0x01 or 0x04) are supported");
        }
        byte[] raw = new byte[32];
        System.arraycopy(typed, 1, raw, 0, 32);
        NoteKey key = new NoteKey(parts[0], typed[0], raw);
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1].toLowerCase())) {
            throw new IllegalArgumentException("the verifier key's ID does not match its name and key");
        }
        return key;
    }

    public byte[] keyId() {
        MessageDigest md = Merkle.sha256();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update((byte) type);
        byte[] h = md.digest(publicKey);
        return new byte[] {h[0], h[1], h[2], h[3]};
    }

    public int keyIdInt() {
        return ByteBuffer.wrap(keyId()).getInt();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = (byte) type;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
    }
}
