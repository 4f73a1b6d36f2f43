package dev.steward.account.enduser;

import java.time.Instant;
import java.util.List;

/** An end-user record as its Client's admin reads it. */
public record EndUserView(String id, List<Attribute> attributes, Attestation attestation, boolean flaggedSensitive,
                          Instant writtenAt) {

    public record Attribute(String name, String type, String value, String category, String purpose,
                            boolean sensitive, Instant collectedAt) {
    }

    public record Attestation(String attestedBy, Instant attestedAt, String basis) {
    }

    /** A list entry: no personal values. */
    public record Summary(String id, boolean flaggedSensitive, Instant writtenAt) {
    }
}
