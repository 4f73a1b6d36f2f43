package dev.steward.account.organisation;

import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read by request-service (routing, erasure exceptions) with its client-credentials token. */
@Path("/internal/orgs")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class InternalOrganisationResource {

    private final OrganisationRepository orgs;

    public InternalOrganisationResource(OrganisationRepository orgs) {
        this.orgs = orgs;
    }

    @GET
    @Path("/{id}")
    public Organisation get(@PathParam("id") String id) throws SQLException {
        return orgs.find(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
    }
}
