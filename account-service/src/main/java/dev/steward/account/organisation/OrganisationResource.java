package dev.steward.account.organisation;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client organisations, registered and managed by privacy officers; a client-admin reads and configures its own. */
@Path("/orgs")
@Tag(name = "Organisations", description = "Client organisations, their status and settings (§1)")
public class OrganisationResource {

    private final OrganisationService orgs;
    private final Caller caller;

    public OrganisationResource(OrganisationService orgs, Caller caller) {
        this.orgs = orgs;
        this.caller = caller;
    }

    @APIResponseSchema(value = Organisation.class, responseCode = "201", responseDescription = "The organisation, registered")
    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Response create(@Valid @NotNull NewOrganisation org) {
        return Response.created(URI.create("/orgs/" + org.id())).type(MediaType.APPLICATION_JSON)
                .entity(orgs.create(org)).build();
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Page<Organisation> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                   @QueryParam("cursor") String cursor) {
        return Page.of(orgs.list(Page.decode(cursor), limit + 1), limit, o -> o.id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_ADMIN})
    public Organisation get(@PathParam("id") String id) {
        visible(id);
        return orgs.get(id);
    }

    /** Callback URL, signing secret (write-only) and the §10 sensitive-data acknowledgement. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLIENT_ADMIN})
    public Organisation update(@PathParam("id") String id, @Valid @NotNull OrganisationSettings settings) {
        visible(id);
        if (settings.name() != null && !caller.is(Roles.PRIVACY_OFFICER)) {
            throw ProblemException.unprocessable("officer-only", "Only a privacy officer renames a Client",
                    "Send the other settings without 'name'", new Problem.FieldError("name", "only a privacy officer may change it"));
        }
        return orgs.update(id, settings);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Organisation changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChange change) {
        if (SubjectRef.PROVIDER_ORG.equals(id)) {
            throw ProblemException.unprocessable("provider-org", "The provider's own org",
                    "The org 'steward' holds direct customers and cannot change status");
        }
        return orgs.changeStatus(id, change);
    }

    /** A client-admin of another org learns nothing, not even that the id exists. */
    private void visible(String id) {
        if (!caller.is(Roles.PRIVACY_OFFICER) && !caller.org().map(id::equals).orElse(false)) {
            throw ProblemException.notFound("Organisation " + id);
        }
    }
}
