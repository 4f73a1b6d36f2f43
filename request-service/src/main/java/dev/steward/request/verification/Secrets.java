package dev.steward.request.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time codes and status tokens, and their stored digests. A code has only a million values, so
 * its digest is keyed (HMAC-SHA-256 with a server secret, bound to the request): a copy of the table
 * does not give the codes away. A status token is 256 random bits, so a plain SHA-256 is enough.
 */
@ApplicationScoped
public class Secrets {

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public Secrets(PrivacyCenterSettings settings) {
        byte[] secret = settings.codeSecret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
                    byte[] b = new byte[32];
                    random.nextBytes(b);
                    return b;
                });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Six decimal digits, uniformly drawn. */
    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] codeDigest(UUID requestId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(requestId.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) ':');
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time. */
    public boolean matches(byte[] stored, UUID requestId, String code) {
        return MessageDigest.isEqual(stored, codeDigest(requestId, code));
    }

    /** 256 random bits, URL-safe. */
    public String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] tokenDigest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
