package dev.steward.tlog;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one ledger leaf commits to: the canonical JSON (RFC 8785) of the entry's personal-data-free
 * fields {@code {content, recordedAt, ref, seq, type}} — the covered record's SHA-256, when, the
 * record's id, the 1-based sequence number (leaf index + 1) and the entry type. The leaf hash is
 * {@code SHA-256(0x00 || these bytes)}.
 */
public record LeafData(long seq, String type, String ref, String content, String recordedAt) {

    public static LeafData parse(String canonicalJson) {
        Map<String, Object> m = Json.object(canonicalJson);
        if (m.size() != 5 || !(m.get("seq") instanceof Long seq)) {
            throw new IllegalArgumentException("a ledger leaf has exactly content, recordedAt, ref, seq and type");
        }
        LeafData leaf = new LeafData(seq, (String) m.get("type"), (String) m.get("ref"), (String) m.get("content"),
                (String) m.get("recordedAt"));
        if (!leaf.json().equals(canonicalJson)) {
            throw new IllegalArgumentException("leaf " + seq + " is not in canonical form");
        }
        return leaf;
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("type", type);
        m.put("ref", ref);
        m.put("content", content);
        m.put("recordedAt", recordedAt);
        return Json.canonical(m);
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] leafHash() {
        return Merkle.leafHash(bytes());
    }
}
