package dev.steward.disclosure.demand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An effort to lift a non-disclosure order (SCC Clause 15.1(b)), recorded as it happens
 * (POST /legal-demands/{id}/gag-lift-efforts). LIFTED ends the order today: the notice becomes due.
 */
public record LiftEffort(@NotBlank @Size(max = 2000) String description, @NotNull Result result) {

    public enum Result { PENDING, REFUSED, LIFTED }
}
