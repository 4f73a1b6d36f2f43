package dev.steward.disclosure.demand;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a callback to a Client, exactly as request-service signs routed requests (its
 * {@code CallbackVerifier}), so a Client checks both with the same code:
 * <pre>
 * Steward-Delivery-Id: &lt;uuid: one per notice; every retry carries the same one&gt;
 * Steward-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;,
 *                    v2=&lt;hex HMAC-SHA256(secret, t + "." + deliveryId + "." + body)&gt;
 * </pre>
 */
public final class CallbackSignature {

    public static final String HEADER = "Steward-Signature";
    public static final String DELIVERY_HEADER = "Steward-Delivery-Id";

    private CallbackSignature() {
    }

    /** hex(HMAC-SHA256(secret, timestamp + "." + signed)). */
    public static String sign(byte[] secret, long timestamp, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + signed).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Steward-Signature header value: v1 over the body, v2 also over the delivery id. */
    public static String header(String callbackSecret, long timestamp, String deliveryId, String body) {
        byte[] key = callbackSecret.getBytes(StandardCharsets.UTF_8);
        return "t=" + timestamp + ",v1=" + sign(key, timestamp, body) + ",v2=" + sign(key, timestamp, deliveryId + "." + body);
    }
}
