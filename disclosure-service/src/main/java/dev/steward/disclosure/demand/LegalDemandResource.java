package dev.steward.disclosure.demand;

import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Legal demands (issue 15): recorded and moved through their lifecycle by legal; read by legal,
 * privacy officers and auditors. Every change is an event in the ledger; the answer (the demand as
 * it now stands) comes once it is durable. Creating POSTs take an Idempotency-Key.
 */
@Path("/legal-demands")
@Tag(name = "Legal demands", description = "Subpoenas, court orders, warrants, emergency and preservation requests and regulator demands, from intake to production or rejection; every transition in the ledger")
@Transactional(rollbackOn = Exception.class)
public class LegalDemandResource {


    private final DemandWorkflow workflow;
    private final DemandViews views;
    private final ScopeRules rules;
    private final Caller caller;
    private final IdempotentPosts idempotentPosts;
    private final RequestKeys requestKeys;

    public LegalDemandResource(DemandWorkflow workflow, DemandViews views, ScopeRules rules, Caller caller,
                               IdempotentPosts idempotentPosts, RequestKeys requestKeys) {
        this.workflow = workflow;
        this.views = views;
        this.rules = rules;
        this.caller = caller;
        this.idempotentPosts = idempotentPosts;
        this.requestKeys = requestKeys;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Record a legal demand on receipt (status RECEIVED); a preservation request places its legal holds")
    @APIResponseSchema(value = LegalDemandView.class, responseCode = "201", responseDescription = "The demand, recorded in the ledger")
    public Response receive(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                            @Valid @NotNull NewLegalDemand demand) throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, demand, () -> once(idempotencyKey, demand,
                key -> created(views.one(workflow.intake(demand, actor(), key))),
                earlier -> created(views.forEvent(earlier))));
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Demands, emergencies first, then the soonest due; by status, process type, or a view: overdue, due-soon, preservation-expiring")
    public Page<LegalDemandView> list(@QueryParam("status") DemandStatus status,
                                      @QueryParam("processType") ProcessType processType,
                                      @QueryParam("view") String view,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                      @QueryParam("cursor") String cursor) {
        return views.page(status, processType, view(view), cursor, limit);
    }

    @GET
    @Path("/scope-rules")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The scope rule table: per process type, the data categories it covers (`*` all)")
    public Map<String, List<String>> scopeRules() {
        return rules.table();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "A demand with its events (each with its ledger sequence), deadlines and the transitions it allows now")
    public LegalDemandView get(@PathParam("id") UUID id) {
        return views.one(id);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Move a demand to another status (409 naming both when the table does not allow it);"
            + " approval must come from another legal user than the recorder; production records the disclosure")
    @APIResponseSchema(value = LegalDemandView.class, responseCode = "200", responseDescription = "The demand as it now stands")
    public Response transition(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                               @Valid @NotNull TransitionRequest transition) throws SQLException {
        return change(idempotencyKey, id, "transition", transition, key -> workflow.transition(id, transition, actor(), key));
    }

    @POST
    @Path("/{id}/scope-review")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Record the scope review: per requested category, whether it is produced (outside the process's scope only with a justification)")
    @APIResponseSchema(value = LegalDemandView.class, responseCode = "200", responseDescription = "The demand as it now stands")
    public Response scopeReview(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                                @Valid @NotNull ScopeReview review) throws SQLException {
        return change(idempotencyKey, id, "scope-review", review, key -> workflow.reviewScope(id, review, actor(), key));
    }

    @POST
    @Path("/{id}/gag-lift-efforts")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Record an effort to lift the demand's non-disclosure order; LIFTED makes the notice due")
    @APIResponseSchema(value = LegalDemandView.class, responseCode = "200", responseDescription = "The demand as it now stands")
    public Response liftEffort(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                               @Valid @NotNull LiftEffort effort) throws SQLException {
        return change(idempotencyKey, id, "gag-lift-effort", effort, key -> workflow.liftEffort(id, effort, actor(), key));
    }

    @POST
    @Path("/{id}/preservation/extension")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Extend a preservation (once) by another period; its holds stay")
    @APIResponseSchema(value = LegalDemandView.class, responseCode = "200", responseDescription = "The demand as it now stands")
    public Response extend(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                           @Valid @NotNull Extension extension) throws SQLException {
        return change(idempotencyKey, id, "preservation-extension", extension,
                key -> workflow.extendPreservation(id, extension, actor(), key));
    }

    private Response change(String idempotencyKey, UUID id, String what, Object body, Function<RequestKeys.Key, UUID> act)
            throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, body, () -> once(idempotencyKey,
                Map.of("demand", id.toString(), what, body),
                key -> Response.ok(views.one(act.apply(key))).build(),
                earlier -> Response.ok(views.forEvent(earlier)).build()));
    }

    private Response once(String header, Object body, Function<RequestKeys.Key, Response> append,
                          Function<UUID, Response> replay) {
        return requestKeys.once(requestKeys.key(caller.id(), header, body), append, replay);
    }

    private static Response created(LegalDemandView view) {
        return Response.created(URI.create("/legal-demands/" + view.id())).entity(view).build();
    }

    private DemandWorkflow.Actor actor() {
        return new DemandWorkflow.Actor(caller.id(), caller.name());
    }

    private static DemandViews.View view(String view) {
        if (view == null || view.isBlank()) {
            return null;
        }
        try {
            return DemandViews.View.valueOf(view.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown view",
                    new Problem.FieldError("view", "must be overdue, due-soon or preservation-expiring"));
        }
    }
}
