package dev.steward.account.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The master key: a Tink AEAD keyset. Its primary key wraps new data keys; every key in the keyset
 * can unwrap, so rotation (add a new primary, re-wrap, later drop the old key) needs no downtime.
 * The key version recorded beside each wrapped data key is the id of the primary that wrapped it.
 */
public final class MasterKey {

    private static final byte[] WRAP_CONTEXT = "steward/subject-key".getBytes(StandardCharsets.UTF_8);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not be registered", e);
        }
    }

    private final Aead aead;
    private final long version;

    private MasterKey(KeysetHandle handle) throws GeneralSecurityException {
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.version = Integer.toUnsignedLong(handle.getPrimary().getId());
    }

    /** Parses the base64 of a Tink JSON keyset; the message never contains the key. */
    public static MasterKey fromBase64Json(String base64) {
        try {
            return new MasterKey(parse(base64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("steward.crypto.master-key is not a base64 Tink AEAD keyset");
        }
    }

    /** A master key from a keyset handle (tests and tooling; production reads the configuration). */
    public static MasterKey of(KeysetHandle handle) {
        try {
            return new MasterKey(handle);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an AEAD keyset");
        }
    }

    public static KeysetHandle parse(String base64) throws GeneralSecurityException {
        String json = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    public long version() {
        return version;
    }

    /** A fresh AES256-GCM data key, wrapped under the primary master key and bound to the subject. */
    public byte[] newWrappedDataKey(long subjectId) throws GeneralSecurityException {
        KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        return wrap(dataKey, subjectId);
    }

    byte[] wrap(KeysetHandle dataKey, long subjectId) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, aead, context(subjectId));
    }

    KeysetHandle unwrapHandle(byte[] wrapped, long subjectId) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, context(subjectId));
    }

    public Aead unwrap(byte[] wrapped, long subjectId) throws GeneralSecurityException {
        return unwrapHandle(wrapped, subjectId).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** Seals a small service secret (e.g. a Client's callback secret) directly under the master key. */
    public byte[] seal(byte[] plaintext, String context) throws GeneralSecurityException {
        return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(byte[] ciphertext, String context) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] context(long subjectId) {
        byte[] id = Long.toString(subjectId).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[WRAP_CONTEXT.length + 1 + id.length];
        System.arraycopy(WRAP_CONTEXT, 0, out, 0, WRAP_CONTEXT.length);
        out[WRAP_CONTEXT.length] = ':';
        System.arraycopy(id, 0, out, WRAP_CONTEXT.length + 1, id.length);
        return out;
    }

    @Override
    public String toString() {
        return "MasterKey[version=" + version + "]"; // never the key material
    }
}
