package dev.steward.disclosure.demand;

import dev.steward.platform.subject.SubjectRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One move of a demand (POST /legal-demands/{id}/transitions): the status it moves to and why.
 * The actor and time are the caller's token and the server's clock. Per target:
 * VERIFIED needs {@code verification}; REJECTED needs {@code reasonCode}; PRODUCED_FULL and
 * PRODUCED_PARTIAL need {@code production}; NARROWED and CHALLENGED need a {@code reason}.
 */
public record TransitionRequest(
        @NotNull DemandStatus to,
        @Size(max = 2000) String reason,
        RejectionReason reasonCode,
        @Valid Verification verification,
        @Valid Production production) {

    /** How the demand's authenticity was checked, and the evidence (kept elsewhere) by SHA-256. */
    public record Verification(@NotBlank @Size(max = 1000) String method,
                               @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
                               String evidenceSha256) {
    }

    /**
     * What was produced: the subjects whose data it holds (the accounts affected), the data
     * categories, and the SHA-256 of exactly what was handed over.
     */
    public record Production(@NotEmpty @Size(max = 1000) List<@NotNull @Valid SubjectRef> subjects,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*",
                                     message = "must be a dotted data category such as user.contact.email") String> categories,
                             @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
                             String sha256,
                             @Size(max = 200) String mediaType,
                             LocalDate producedOn) {
    }
}
