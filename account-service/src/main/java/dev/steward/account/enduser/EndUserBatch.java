package dev.steward.account.enduser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Up to 1,000 end-user records a Client stores with the provider (§2), written all-or-nothing. */
public record EndUserBatch(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Record> records) {

    public enum ValueType { STRING, NUMBER, BOOLEAN, DATE }

    /** One end user: the Client's id for them, typed attributes and the Client's consent attestation. */
    public record Record(
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._@:-]+", message = "must be letters, digits or ._@:-") String id,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Attribute> attributes,
            @Valid Attestation attestation) {
    }

    public record Attribute(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]*", message = "must start with a letter; letters, digits or _.-") String name,
            ValueType type,
            @NotNull @Size(max = 4000) String value,
            @NotBlank @Size(max = 120) String category,
            @Size(max = 200) String purpose) {
    }

    /** Who at the Client attested that the end user consented to the transfer, when, and on what basis (§2). */
    public record Attestation(@NotBlank @Size(max = 200) String attestedBy, @NotNull Instant attestedAt,
                              @NotBlank @Size(max = 200) String basis) {
    }
}
