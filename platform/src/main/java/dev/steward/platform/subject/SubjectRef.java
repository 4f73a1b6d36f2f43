package dev.steward.platform.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Names a data subject across the three services: the organisation (Client) whose data it is, the
 * kind of subject, and its id within that organisation. Directly signed-up customers belong to
 * the provider's own org.
 */
public record SubjectRef(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'") String org,
        @NotNull Kind kind,
        @NotBlank @Size(max = 128) String id) {

    /** The provider's own organisation: the org of every directly signed-up customer. */
    public static final String PROVIDER_ORG = "steward";

    public enum Kind { ACCOUNT, END_USER, VISITOR }
}
