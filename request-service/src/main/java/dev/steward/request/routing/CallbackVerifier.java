package dev.steward.request.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a Client runs to check a routed request's callback (no dependencies beyond the JDK, so it
 * can be copied as is). The provider sends
 * <pre>
 * Steward-Delivery-Id: &lt;uuid: one per event; every retry of that delivery carries the same one&gt;
 * Steward-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;,
 *                    v2=&lt;hex HMAC-SHA256(secret, t + "." + deliveryId + "." + body)&gt;
 * </pre>
 * The Client recomputes the HMAC over the exact body bytes it received with its callbackSecret,
 * compares in constant time, and refuses timestamps outside the tolerance. {@link #accept} also
 * checks v2, which binds the delivery id to the body, and answers {@link Verdict#DUPLICATE} for a
 * delivery id it has already accepted: a replay inside the tolerance window, or a retry of a
 * delivery the Client processed but whose acknowledgement the provider never received. Answer a
 * DUPLICATE with 2xx and do nothing. The ids are remembered in memory for the tolerance window
 * only (an older replay fails the timestamp check anyway); a Client that must also recognise a
 * retry arriving hours later keeps the ids it processed in its own store.
 */
public final class CallbackVerifier {

    public static final String HEADER = "Steward-Signature";
    public static final String DELIVERY_HEADER = "Steward-Delivery-Id";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** What to do with a callback. */
    public enum Verdict {
        /** Genuine and not seen before: process it. */
        NEW,
        /** Genuine, but this delivery was accepted before: acknowledge (2xx) without processing it again. */
        DUPLICATE,
        /** Not signed by the provider for this body, delivery id and time: refuse it. */
        INVALID
    }

    private final byte[] secret;
    private final Duration tolerance;
    /** Delivery ids accepted, with the time each may be forgotten. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public CallbackVerifier(String callbackSecret) {
        this(callbackSecret, DEFAULT_TOLERANCE);
    }

    public CallbackVerifier(String callbackSecret, Duration tolerance) {
        this.secret = callbackSecret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** True when the header's v1 signs exactly this body, with a timestamp within the tolerance of now. */
    public boolean verify(String signatureHeader, String body, Instant now) {
        Parsed p = parse(signatureHeader);
        return p != null && p.v1 != null && body != null && fresh(p.timestamp, now)
                && equal(sign(secret, p.timestamp, body), p.v1);
    }

    /**
     * Verifies the v2 signature over timestamp, delivery id and body, then de-duplicates on the
     * delivery id. Thread-safe: of two concurrent arrivals of one delivery, one is NEW.
     */
    public Verdict accept(String signatureHeader, String deliveryId, String body, Instant now) {
        Parsed p = parse(signatureHeader);
        if (p == null || p.v2 == null || body == null || deliveryId == null || deliveryId.isEmpty()
                || !fresh(p.timestamp, now) || !equal(sign(secret, p.timestamp, deliveryId + "." + body), p.v2)) {
            return Verdict.INVALID;
        }
        long nowSeconds = now.getEpochSecond();
        seen.values().removeIf(forgetAt -> forgetAt < nowSeconds);
        // remembered until its timestamp leaves the window: after that a replay fails the timestamp check
        Long before = seen.putIfAbsent(deliveryId, p.timestamp + tolerance.toSeconds());
        return before == null ? Verdict.NEW : Verdict.DUPLICATE;
    }

    private record Parsed(long timestamp, String v1, String v2) {
    }

    private static Parsed parse(String header) {
        if (header == null) {
            return null;
        }
        Long timestamp = null;
        String v1 = null;
        String v2 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            switch (kv[0]) {
                case "t" -> {
                    try {
                        timestamp = Long.parseLong(kv[1]);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                case "v1" -> v1 = kv[1];
                case "v2" -> v2 = kv[1];
                default -> {
                    // unknown parts are ignored, so a later scheme can be added beside these
                }
            }
        }
        return timestamp == null ? null : new Parsed(timestamp, v1, v2);
    }

    private boolean fresh(long timestamp, Instant now) {
        return Math.abs(now.getEpochSecond() - timestamp) <= tolerance.toSeconds();
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** hex(HMAC-SHA256(secret, timestamp + "." + signed)). */
    public static String sign(byte[] secret, long timestamp, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + signed).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value the provider sends: v1 over the body (as before), v2 also over the delivery id. */
    public static String header(String callbackSecret, long timestamp, String deliveryId, String body) {
        byte[] key = callbackSecret.getBytes(StandardCharsets.UTF_8);
        return "t=" + timestamp + ",v1=" + sign(key, timestamp, body) + ",v2=" + sign(key, timestamp, deliveryId + "." + body);
    }
}
