package dev.steward.account.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a privacy officer sends to register a Client. */
public record NewOrganisation(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                message = "must be lower-case letters, digits and '-'") String id,
        @NotBlank @Size(max = 200) String name) {
}
