package dev.steward.account.platform.crypto;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Keyed blind index (HMAC-SHA256 PRF, Tink) of a normalised value: lets the registry find an account
 * by email without storing or comparing the plaintext. Without the key the index reveals nothing
 * beyond equality.
 */
@ApplicationScoped
public class BlindIndex {

    private static final byte[] EMAIL = "email:".getBytes(StandardCharsets.UTF_8);

    private final PrfSet prf;

    public BlindIndex(CryptoConfig config) {
        try {
            this.prf = MasterKey.parse(config.blindIndexKey()).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("steward.crypto.blind-index-key is not a base64 Tink PRF keyset");
        }
    }

    public static String normaliseEmail(String email) {
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public byte[] email(String email) {
        byte[] value = normaliseEmail(email).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[EMAIL.length + value.length];
        System.arraycopy(EMAIL, 0, input, 0, EMAIL.length);
        System.arraycopy(value, 0, input, EMAIL.length, value.length);
        try {
            return prf.computePrimary(input, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed");
        }
    }
}
