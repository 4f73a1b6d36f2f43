package dev.steward.request.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Expiring download links for ACCESS reports: HMAC-SHA256 over {@code <requestId>.<expires>} with
 * a server secret. Without a configured secret a random one is made at start, so links then work
 * only on this instance until it restarts.
 */
@ApplicationScoped
public class SignedLinks {

    private static final Logger LOG = Logger.getLogger(SignedLinks.class);

    private final byte[] secret;
    private final Duration ttl;

    public SignedLinks(LinkSettings settings) {
        Optional<String> secret = settings.linkSecret();
        if (secret.isPresent() && !secret.get().isBlank()) {
            this.secret = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
            LOG.warn("REPORT_LINK_SECRET is not set: report links are signed with a random key valid until restart");
        }
        this.ttl = settings.linkTtl();
    }

    public record Link(String url, Instant expiresAt) {
    }

    public Link link(UUID requestId, Instant now) {
        long expires = now.plus(ttl).getEpochSecond();
        return new Link("/public/reports/" + requestId + "?expires=" + expires + "&signature=" + sign(requestId, expires),
                Instant.ofEpochSecond(expires));
    }

    public boolean valid(UUID requestId, long expires, String signature, Instant now) {
        if (signature == null || now.getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(sign(requestId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(UUID id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
