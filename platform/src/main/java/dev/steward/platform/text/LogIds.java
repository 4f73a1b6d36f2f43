package dev.steward.platform.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a caller-supplied identifier appears in a log line: the first 12 hex digits of its SHA-256,
 * enough to correlate lines and to match a known id, never the caller's text (which could hold
 * anything, a card number or an e-mail address included).
 */
public final class LogIds {

    private LogIds() {
    }

    public static String of(String callerSupplied) {
        if (callerSupplied == null) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(callerSupplied.getBytes(StandardCharsets.UTF_8));
            return "id#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
