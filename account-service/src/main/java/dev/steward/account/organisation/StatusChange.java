package dev.steward.account.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A privacy officer changes a Client's status: CLOSED starts retention, TERMINATED_FOR_VIOLATION is §8(c). */
public record StatusChange(@NotNull Organisation.Status status, @NotBlank @Size(max = 500) String reason) {
}
