package dev.steward.disclosure.ledger;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import dev.steward.disclosure.platform.Digests;
import dev.steward.tlog.NoteKey;
import dev.steward.tlog.SignedNote;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Signs checkpoints with Ed25519 (Google Tink). The private key is the 32-byte Ed25519 seed,
 * base64, from {@code LEDGER_SIGNING_KEY}; signatures are plain RFC 8032 Ed25519 (no Tink output
 * prefix), so an auditor verifies them with the published public key and any Ed25519 library.
 * Without a configured key the service makes an ephemeral one and says so loudly: checkpoints
 * signed with it cannot be verified after a restart.
 */
@ApplicationScoped
public class CheckpointSigner {

    private static final Logger LOG = Logger.getLogger(CheckpointSigner.class);
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Ed25519Sign signer;
    private final byte[] publicKey;
    private final boolean ephemeral;
    private final String origin;

    public CheckpointSigner(LedgerConfig config) throws GeneralSecurityException {
        origin = config.origin();
        Optional<String> configured = config.signingKey();
        Ed25519Sign.KeyPair pair;
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] seed;
            try {
                seed = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LEDGER_SIGNING_KEY is not base64", e);
            }
            if (seed.length != 32) {
                throw new IllegalStateException("LEDGER_SIGNING_KEY must be a 32-byte Ed25519 seed (base64), got "
                        + seed.length + " bytes");
            }
            pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
            ephemeral = false;
        } else {
            pair = Ed25519Sign.KeyPair.newKeyPair();
            ephemeral = true;
            LOG.warn("LEDGER_SIGNING_KEY is not set: ledger checkpoints are signed with an ephemeral key that is lost"
                    + " on restart. Set a 32-byte base64 Ed25519 seed in production.");
        }
        signer = new Ed25519Sign(pair.getPrivateKey());
        publicKey = pair.getPublicKey();
    }

    /** The C2SP note key the checkpoint notes are signed with: the log's origin as its name. */
    public NoteKey noteKey() {
        return new NoteKey(origin, NoteKey.ED25519, publicKey);
    }

    /** Signs a note's text (a tlog-checkpoint body) as a C2SP signed note. */
    public SignedNote signNote(String text) throws GeneralSecurityException {
        NoteKey key = noteKey();
        byte[] sig = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Signature(key.name(), key.keyIdInt(), sig)));
    }

    public byte[] sign(byte[] data) throws GeneralSecurityException {
        return signer.sign(data);
    }

    public boolean verify(byte[] signature, byte[] data) {
        try {
            new Ed25519Verify(publicKey).verify(signature, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** X.509 SubjectPublicKeyInfo DER (what {@code openssl} and Java's KeyFactory read). */
    public byte[] spki() {
        byte[] out = new byte[SPKI_PREFIX.length + publicKey.length];
        System.arraycopy(SPKI_PREFIX, 0, out, 0, SPKI_PREFIX.length);
        System.arraycopy(publicKey, 0, out, SPKI_PREFIX.length, publicKey.length);
        return out;
    }

    /** First 16 hex digits of the SHA-256 of the public key. */
    public String keyId() {
        return Digests.sha256Hex(publicKey).substring(0, 16);
    }

    public boolean ephemeral() {
        return ephemeral;
    }
}
