package dev.steward.request.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a Client runs to check a routed request's callback (no dependencies beyond the JDK, so it
 * can be copied as is). The provider sends
 * {@code Steward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>};
 * the Client recomputes the HMAC over the exact body bytes it received with its callbackSecret,
 * compares in constant time, and refuses timestamps outside the tolerance (replays).
 */
public final class CallbackVerifier {

    public static final String HEADER = "Steward-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Duration tolerance;

    public CallbackVerifier(String callbackSecret) {
        this(callbackSecret, DEFAULT_TOLERANCE);
    }

    public CallbackVerifier(String callbackSecret, Duration tolerance) {
        this.secret = callbackSecret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** True when the header signs exactly this body, with a timestamp within the tolerance of now. */
    public boolean verify(String signatureHeader, String body, Instant now) {
        if (signatureHeader == null || body == null) {
            return false;
        }
        Long timestamp = null;
        String v1 = null;
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (timestamp == null || v1 == null) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    /** hex(HMAC-SHA256(secret, timestamp + "." + body)). */
    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value the provider sends. */
    public static String header(String callbackSecret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + sign(callbackSecret.getBytes(StandardCharsets.UTF_8), timestamp, body);
    }
}
