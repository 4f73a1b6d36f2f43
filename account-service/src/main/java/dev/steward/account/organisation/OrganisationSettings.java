package dev.steward.account.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to a Client's settings; only the fields sent are changed. */
public record OrganisationSettings(
        @Size(max = 200) String name,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String callbackUrl,
        @Size(min = 16, max = 200) String callbackSecret,
        Boolean sensitiveDataAcknowledged) {
}
