package dev.steward.request.lifecycle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the lifecycle actions. */
public final class ActionBodies {

    private ActionBodies() {
    }

    /** approve, cancel, retry: an optional note for the event trail. */
    public record Note(@Size(max = 2000) String note) {
    }

    public record Deny(@NotNull DenialReason reasonCode, @Size(max = 2000) String note) {
    }

    /** days defaults to the jurisdiction's maximum extension. */
    public record Extend(@NotBlank @Size(max = 2000) String reason, @Min(1) Integer days) {
    }

    public record ComplaintNote(@NotBlank @Size(max = 8000) String text) {
    }

    public record Resolve(@NotBlank @Size(max = 8000) String resolution) {
    }
}
