package dev.steward.disclosure.ledger;

import dev.steward.disclosure.platform.Digests;
import dev.steward.disclosure.platform.Jcs;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hash of a ledger entry: SHA-256 over the canonical JSON (RFC 8785) of
 * {@code {content, prev, recordedAt, ref, seq, type}}, where {@code prev} is the previous entry's
 * hash (64 zeros before the first) and {@code content} the digest of the covered record.
 */
public final class Chain {

    private Chain() {
    }

    public static Map<String, Object> canonical(long seq, String type, UUID ref, String contentDigest,
                                                Instant recordedAt, String prevHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("type", type);
        m.put("ref", ref.toString());
        m.put("content", contentDigest);
        m.put("recordedAt", recordedAt.toString());
        m.put("prev", prevHash);
        return m;
    }

    public static String hash(long seq, String type, UUID ref, String contentDigest, Instant recordedAt, String prevHash) {
        return Digests.sha256Hex(Jcs.bytes(canonical(seq, type, ref, contentDigest, recordedAt, prevHash)));
    }

    public static String genesis() {
        return Digests.ZERO;
    }
}
