package dev.steward.account.organisation;

import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.steward.account.internal.ErasureReceipt;
import dev.steward.account.internal.InternalSubjectResource;
import dev.steward.account.internal.OrgErasureService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
    private final OrgErasureService erasure;

    public InternalOrganisationResource(OrganisationRepository orgs, OrgErasureService erasure) {
        this.orgs = orgs;
        this.erasure = erasure;
    }

    /** Erases all end-user data the Client stored (e.g. after its service ended), set-based. */
    @POST
    @Path("/{id}/erasure")
    public ErasureReceipt erase(@PathParam("id") String id, @Valid @NotNull InternalSubjectResource.ErasureRequest body)
            throws SQLException {
        return erasure.erase(id, body.requestId());
    }

    @GET
    @Path("/{id}")
    public InternalOrganisation get(@PathParam("id") String id) throws SQLException {
        return orgs.findInternal(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
    }
}
