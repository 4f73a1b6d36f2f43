package dev.steward.account.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** §8(c): why an officer terminates an account for a violation of the Service Agreement. */
public record Termination(@NotBlank @Size(max = 500) String reason) {
}
