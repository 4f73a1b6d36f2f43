package dev.steward.account.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a privacy officer publishes: the text itself, or a URL with the SHA-256 of the published document. */
public record NewPolicyVersion(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z.-]+", message = "must be letters, digits, '.' or '-'") String number,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
        @Size(max = 200_000) String text) {
}
