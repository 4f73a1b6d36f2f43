package dev.steward.account.consent;

import dev.steward.account.subject.SubjectPath;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subject's consents and restriction of processing, for request-service and the other services (service role only). */
@Path("/internal/subjects/{org}/{kind}/{id}")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class InternalConsentResource {

    public record RestrictionRequest(@NotBlank @Size(max = 128) String requestId, @NotNull Boolean restricted) {
    }

    public record RestrictionResult(boolean restricted, Map<?, Boolean> consents) {
    }

    private final ConsentService consents;

    public InternalConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @POST
    @Path("/restriction")
    public RestrictionResult restrict(@PathParam("org") String org, @PathParam("kind") String kind,
                                      @PathParam("id") String id, @Valid @NotNull RestrictionRequest body) {
        ConsentState state = consents.restrict(SubjectPath.parse(org, kind, id), body.restricted(), body.requestId());
        return new RestrictionResult(state.restricted(), state.purposes());
    }

    @GET
    @Path("/consents")
    public ConsentState consents(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id) {
        return consents.state(SubjectPath.parse(org, kind, id));
    }
}
