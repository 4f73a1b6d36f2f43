package dev.steward.account.enduser;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.account.consent.ConsentChoice;
import dev.steward.account.consent.ConsentEvent;
import dev.steward.account.consent.ConsentService;
import dev.steward.account.consent.ConsentState;
import dev.steward.account.platform.SqlWork;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** End-user records of one Client, reachable only by that Client's admins; any other org answers 404. */
@Path("/orgs/{org}/end-users")
@Tag(name = "End users", description = "End-user records a Client stores with the provider, their consents, and the data-category taxonomy (§2, §10)")
@RolesAllowed(Roles.CLIENT_ADMIN)
public class EndUserResource {

    private final EndUserService endUsers;
    private final ConsentService consents;
    private final Caller caller;
    private final IdempotentPosts idempotentPosts;

    public EndUserResource(EndUserService endUsers, ConsentService consents, Caller caller, IdempotentPosts idempotentPosts) {
        this.endUsers = endUsers;
        this.consents = consents;
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
    }

    /**
     * Batch ingest: up to 1,000 records, all or nothing; per-record errors name e.g. records[3].attributes[0].category.
     * An Idempotency-Key (scoped to the org) makes a retry answer the first response without writing again.
     */
    @POST
    public Response write(@PathParam("org") String org, @HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                          @Valid @NotNull EndUserBatch batch) throws SQLException {
        own(org);
        return idempotentPosts.run("org:" + org, idempotencyKey, batch, SqlWork.unchecked(() ->
                Response.ok(endUsers.write(org, batch, caller.id())).type(MediaType.APPLICATION_JSON).build()));
    }

    @GET
    public Page<EndUserView.Summary> list(@PathParam("org") String org,
                                          @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                          @QueryParam("cursor") String cursor) throws SQLException {
        own(org);
        return Page.of(endUsers.list(org, Page.decode(cursor), limit + 1), limit, EndUserView.Summary::id);
    }

    @GET
    @Path("/{id}")
    public EndUserView get(@PathParam("org") String org, @PathParam("id") String id) throws SQLException {
        own(org);
        return endUsers.read(org, id, caller).orElseThrow(() -> ProblemException.notFound("End user " + id));
    }

    @GET
    @Path("/{id}/consents")
    public ConsentState consents(@PathParam("org") String org, @PathParam("id") String id) throws SQLException {
        return consents.state(existing(org, id));
    }

    @GET
    @Path("/{id}/consents/history")
    public Page<ConsentEvent> history(@PathParam("org") String org, @PathParam("id") String id,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                              @QueryParam("cursor") String cursor) throws SQLException {
        return consents.history(existing(org, id), cursor, limit);
    }

    /** The end user's choice, recorded by their Client's admin (source CLIENT_ADMIN). */
    @APIResponseSchema(value = dev.steward.account.consent.ConsentEvent.class, responseCode = "201", responseDescription = "The choice, recorded in the end user's consent history")
    @POST
    @Path("/{id}/consents")
    public Response choose(@PathParam("org") String org, @PathParam("id") String id,
                           @Valid @NotNull ConsentChoice choice) throws SQLException {
        SubjectRef ref = existing(org, id);
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .entity(consents.record(ref, choice, caller.id(), "CLIENT_ADMIN")).build();
    }

    private SubjectRef existing(String org, String id) throws SQLException {
        own(org);
        if (!endUsers.exists(org, id)) {
            throw ProblemException.notFound("End user " + id);
        }
        return new SubjectRef(org, SubjectRef.Kind.END_USER, id);
    }

    private void own(String org) {
        if (!caller.org().map(org::equals).orElse(false)) {
            throw ProblemException.notFound("Organisation " + org);
        }
    }
}
