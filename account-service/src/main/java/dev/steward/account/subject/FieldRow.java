package dev.steward.account.subject;

import java.time.Instant;

/** One personal field in clear (only ever in memory, for the caller entitled to it). */
public record FieldRow(String name, String type, String category, String value, String source,
                       String purpose, boolean sensitive, Instant collectedAt) {

    public static FieldRow of(String name, String category, String value, String source, String purpose) {
        return new FieldRow(name, "STRING", category, value, source, purpose, false, null);
    }
}
