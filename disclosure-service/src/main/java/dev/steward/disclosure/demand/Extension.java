package dev.steward.disclosure.demand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Extending a preservation once by another period (POST /legal-demands/{id}/preservation/extension). */
public record Extension(@NotBlank @Size(max = 2000) String reason) {
}
