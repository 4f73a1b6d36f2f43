package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A request as submitted. Without a jurisdiction the default deadline applies. */
public record NewRequest(@NotNull RequestType type, @NotNull @Valid SubjectRef subject, Jurisdiction jurisdiction) {
}
