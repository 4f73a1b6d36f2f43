package dev.steward.console.privacy;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The visitor as the Privacy Center knows them: their address (forwarded to request-service, which
 * rate-limits per address) and a random visitor id kept in a first-party cookie (no account, no
 * name). The id is readable by page script on purpose (the embeddable consent script shares it),
 * so it is not HttpOnly; SameSite=Lax, and Secure whenever the page came over https.
 */
public final class Visitors {

    public static final String COOKIE = "steward_visitor";
    /** The visitor ids account-service accepts (contract C3). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{8,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEPT = Duration.ofDays(365);

    private Visitors() {
    }

    /** The visitor's address: the peer, or the client a trusted proxy named (Quarkus' proxy settings resolve that). */
    public static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    public static boolean valid(String visitorId) {
        return visitorId != null && ID.matcher(visitorId).matches();
    }

    /** A new visitor id: 128 random bits, URL-safe (22 characters). */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static NewCookie cookie(String visitorId, boolean https) {
        return new NewCookie.Builder(COOKIE).value(visitorId).path("/").maxAge((int) KEPT.toSeconds())
                .sameSite(NewCookie.SameSite.LAX).secure(https).httpOnly(false).build();
    }

    /** "about 40 seconds", "about 3 minutes": a wait a person can read. */
    public static String readableWait(Long seconds) {
        if (seconds == null || seconds <= 0) {
            return "a little while";
        }
        if (seconds < 90) {
            return "about " + seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return "about " + minutes + " minutes";
        }
        return "about " + (minutes + 59) / 60 + " hours";
    }
}
