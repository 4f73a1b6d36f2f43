package dev.steward.disclosure.hold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a hold ends. */
public record Release(@NotBlank @Size(max = 2000) String reason) {
}
