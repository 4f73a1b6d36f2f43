package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Jurisdiction;
import dev.steward.request.lifecycle.RequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A request from an end user or visitor without a token; {@code contact} is where to answer. */
public record PublicRequest(@NotNull RequestType type, @NotNull @Valid SubjectRef subject, Jurisdiction jurisdiction,
                            @NotBlank @Email @Size(max = 320) String contact,
                            @Size(max = 100) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 2000) String> changes,
                            Boolean restricted,
                            @Size(max = 4000) String description) {
}
