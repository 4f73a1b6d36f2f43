package dev.steward.account.consent;

import jakarta.validation.constraints.NotNull;

/** An opt-in (granted true) or opt-out (false) for one purpose. */
public record ConsentChoice(@NotNull Purpose purpose, @NotNull Boolean granted) {
}
