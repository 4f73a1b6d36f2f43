package dev.steward.disclosure.hold;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The active-hold check the other services make before erasing (§8 b, c). */
@Path("/internal/holds/active")
@Tag(name = "Internal")
public class ActiveHoldsResource {

    public record HoldView(UUID id, LegalHold.Scope scope, HoldReason reason, Instant placedAt) {
    }

    public record ActiveHolds(boolean held, List<HoldView> holds) {
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.LEGAL, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Active holds covering a subject: its own and those on its whole org (org alone: org-wide holds)")
    public ActiveHolds active(@QueryParam("org") @NotBlank String org, @QueryParam("kind") SubjectRef.Kind kind,
                              @QueryParam("id") String id) {
        if ((kind == null) != (id == null || id.isBlank())) {
            throw ProblemException.badRequest("Give kind and id together, or neither",
                    new Problem.FieldError(kind == null ? "kind" : "id", "is required with the other"));
        }
        List<HoldView> views = LegalHold.activeFor(org, kind, id).stream()
                .map(h -> new HoldView(h.id, h.scope, h.reason, h.placedAt)).toList();
        return new ActiveHolds(!views.isEmpty(), views);
    }
}
