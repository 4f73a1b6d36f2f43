package dev.steward.account.organisation;

import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read by request-service (routing, erasure exceptions) with its client-credentials token. */
@Path("/internal/orgs")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class InternalOrganisationResource {

    private final OrganisationService orgs;

    public InternalOrganisationResource(OrganisationService orgs) {
        this.orgs = orgs;
    }

    @GET
    @Path("/{id}")
    public InternalOrganisation get(@PathParam("id") String id) {
        return orgs.internal(id);
    }
}
