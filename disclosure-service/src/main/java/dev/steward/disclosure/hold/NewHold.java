package dev.steward.disclosure.hold;

import dev.steward.platform.subject.SubjectRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A hold as legal places it: on one subject ({@code subject}) or on a whole organisation
 * ({@code org}), exactly one of the two.
 */
public record NewHold(
        @Valid SubjectRef subject,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'") String org,
        @NotNull HoldReason reason,
        @NotBlank @Size(max = 2000) String description,
        @Size(max = 200) String caseReference) {

    @AssertTrue(message = "give either subject (a hold on one data subject) or org (a hold on a whole organisation), not both")
    boolean isSubject() {
        return (subject == null) != (org == null);
    }

    LegalHold place(String actor, Instant at) {
        LegalHold h = new LegalHold();
        h.id = UUID.randomUUID();
        h.scope = subject == null ? LegalHold.Scope.ORG : LegalHold.Scope.SUBJECT;
        h.org = subject == null ? org : subject.org();
        h.subjectKind = subject == null ? null : subject.kind();
        h.subjectId = subject == null ? null : subject.id();
        h.reason = reason;
        h.description = description;
        h.caseReference = caseReference;
        h.placedBy = actor;
        h.placedAt = at;
        return h;
    }
}
