package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Jurisdiction;
import dev.steward.request.lifecycle.RequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A request as submitted by a signed-in caller. {@code subject} may be left out by a customer (it
 * is then the customer); {@code attestation} is required on someone else's behalf;
 * {@code changes} (field name → new value) for RECTIFICATION; {@code restricted} for RESTRICTION
 * (default true; false lifts a restriction); {@code description} for a COMPLAINT.
 */
public record NewRequest(@NotNull RequestType type, @Valid SubjectRef subject, Jurisdiction jurisdiction,
                         @Size(max = 2000) String attestation,
                         @Size(max = 100) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 2000) String> changes,
                         Boolean restricted,
                         @Size(max = 4000) String description) {
}
