package dev.steward.account.organisation;

import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client organisations, registered and read by privacy officers; a client-admin reads its own. */
@Path("/orgs")
@Tag(name = "Organisations")
public class OrganisationResource {

    private final OrganisationRepository orgs;
    private final Caller caller;

    public OrganisationResource(OrganisationRepository orgs, Caller caller) {
        this.orgs = orgs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response create(@Valid @NotNull NewOrganisation org) throws SQLException {
        if (!orgs.insert(org)) {
            throw ProblemException.conflict("org-exists", "Organisation exists",
                    "An organisation with id '" + org.id() + "' already exists");
        }
        return Response.created(URI.create("/orgs/" + org.id()))
                .type(MediaType.APPLICATION_JSON)
                .entity(orgs.find(org.id()).orElseThrow()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_ADMIN})
    public Organisation get(@PathParam("id") String id) throws SQLException {
        // A client-admin of another org learns nothing, not even that the id exists.
        if (caller.is(Roles.CLIENT_ADMIN) && !caller.is(Roles.PRIVACY_OFFICER)
                && !caller.org().map(id::equals).orElse(false)) {
            throw ProblemException.notFound("Organisation " + id);
        }
        return orgs.find(id).orElseThrow(() -> ProblemException.notFound("Organisation " + id));
    }
}
