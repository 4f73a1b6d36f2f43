package dev.steward.disclosure.demand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The review of what a demand asks for against what its process covers
 * (POST /legal-demands/{id}/scope-review): per data category, whether it is produced. A category
 * the process type does not cover ({@link ScopeRules}) may be produced only with a justification;
 * a category that was not requested is never produced (the minimum is disclosed).
 */
public record ScopeReview(@NotEmpty @Size(max = 50) List<@NotNull @Valid Category> categories,
                          @Size(max = 2000) String note) {

    public record Category(@NotBlank @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*",
                                   message = "must be a dotted data category such as user.contact.email") String category,
                           boolean produce,
                           @Size(max = 2000) String justification) {
    }
}
