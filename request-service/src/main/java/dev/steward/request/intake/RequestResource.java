package dev.steward.request.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.request.lifecycle.ActionBodies;
import dev.steward.request.lifecycle.Actions;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.report.ReportWriter;
import dev.steward.request.report.Reports;
import dev.steward.request.report.SignedLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.steward.request.deadline.Jurisdiction;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data-subject requests for signed-in callers: intake, reading, and the lifecycle actions. */
@Path("/requests")
@Tag(name = "Requests", description = "Submitting, working and reporting data-subject requests (§8)")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final Intake intake;
    private final Actions actions;
    private final RequestQueries queries;
    private final Reports reports;
    private final ReportWriter writer;
    private final SignedLinks links;
    private final Caller caller;
    private final Clock clock;

    public RequestResource(Intake intake, Actions actions, RequestQueries queries, Reports reports, ReportWriter writer,
                           SignedLinks links, Caller caller, Clock clock) {
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.reports = reports;
        this.writer = writer;
        this.links = links;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Submit a request", description = "A customer about itself; a client-admin for an end user of "
            + "its org (with attestation); a privacy officer for anyone (with attestation). The same Idempotency-Key "
            + "and body answer the same request (200); the same key with another body is a 422.")
    @APIResponse(responseCode = "201", description = "Received: the request's id, status and due date (the request is at Location)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the request it created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    public Response submit(@Valid @NotNull NewRequest in, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Intake.Result result = intake.submit(in, caller, idempotencyKey);
        return created(result);
    }

    static Response created(Intake.Result result) {
        Request r = result.request();
        return Response.status(result.created() ? 201 : 200).location(URI.create("/requests/" + r.id))
                .entity(new Submitted(r.id, r.type, r.status, r.receivedAt, r.dueAt)).build();
    }

    /** The answer to a submission (the full request is at its Location). */
    public record Submitted(UUID id, RequestType type, RequestStatus status, Instant receivedAt, Instant dueAt) {
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "List requests", description = "Newest first (sort=-received) unless sorted otherwise "
            + "(received, due, -due); view=overdue|due-soon lists open requests, by due date unless sorted otherwise. "
            + "Filters: status, type, jurisdiction, receivedFrom/receivedTo (ISO dates, inclusive, UTC), subjectId, org. "
            + "A cursor continues only the list it came from (same filters and sort). Customers see their own, "
            + "client-admins their org's, privacy officers all.")
    public Page<RequestView> list(@QueryParam("status") RequestStatus status, @QueryParam("view") String view,
                                  @QueryParam("type") RequestType type, @QueryParam("jurisdiction") Jurisdiction jurisdiction,
                                  @QueryParam("receivedFrom") @Parameter(description = "ISO date, inclusive (UTC)",
                                          schema = @Schema(type = SchemaType.STRING, format = "date")) String receivedFrom,
                                  @QueryParam("receivedTo") @Parameter(description = "ISO date, inclusive (UTC)",
                                          schema = @Schema(type = SchemaType.STRING, format = "date")) String receivedTo,
                                  @QueryParam("subjectId") @Size(max = 128) String subjectId,
                                  @QueryParam("org") @Size(max = 64) String org,
                                  @QueryParam("sort") @Parameter(schema = @Schema(enumeration = {"received", "-received", "due", "-due"}))
                                  String sort,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                  @QueryParam("cursor") String cursor) {
        QueueFilter filter = QueueFilter.of(status, view, type, jurisdiction, receivedFrom, receivedTo, subjectId, org, sort);
        return queries.list(caller, filter, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "One request with its events, execution log and outcome")
    public RequestView get(@PathParam("id") UUID id) {
        return queries.full(actions.visible(id, caller, false), caller.is(Roles.PRIVACY_OFFICER));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Approve a request pending verification (identity verified)")
    public RequestView approve(@PathParam("id") UUID id, @Valid ActionBodies.Note body) {
        return show(actions.approve(id, caller, body == null ? null : body.note()));
    }

    @POST
    @Path("/{id}/deny")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Deny with a reason code")
    public RequestView deny(@PathParam("id") UUID id, @Valid @NotNull ActionBodies.Deny body) {
        return show(actions.deny(id, caller, body.reasonCode(), body.note()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Cancel an open request (requesters: their own only)")
    public RequestView cancel(@PathParam("id") UUID id, @Valid ActionBodies.Note body) {
        return show(actions.cancel(id, caller, body == null ? null : body.note()));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Resume a FAILED request, or an erasure denied under a released legal hold")
    public RequestView retry(@PathParam("id") UUID id, @Valid ActionBodies.Note body) {
        return show(actions.retry(id, caller, body == null ? null : body.note()));
    }

    @POST
    @Path("/{id}/extend")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Extend the deadline once, with a reason, up to the jurisdiction's maximum")
    public RequestView extend(@PathParam("id") UUID id, @Valid @NotNull ActionBodies.Extend body) {
        return show(actions.extend(id, caller, body.days(), body.reason()));
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Add a working note to a complaint (§13)")
    public Response note(@PathParam("id") UUID id, @Valid @NotNull ActionBodies.ComplaintNote body) {
        actions.note(id, caller, body.text());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Resolve a complaint (§13)")
    public RequestView resolve(@PathParam("id") UUID id, @Valid @NotNull ActionBodies.Resolve body) {
        return show(actions.resolve(id, caller, body.resolution()));
    }

    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "The ACCESS report (JSON; format=html for a readable page)")
    public Response report(@PathParam("id") UUID id, @QueryParam("format") String format) {
        actions.visible(id, caller, false);
        return render(writer, reports.find(id).orElseThrow(() -> ProblemException.notFound("Report of request " + id)), format);
    }

    @POST
    @Path("/{id}/report/link")
    @RolesAllowed({Roles.CUSTOMER, Roles.CLIENT_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(summary = "An expiring signed download link for the ACCESS report")
    public SignedLinks.Link link(@PathParam("id") UUID id) {
        actions.visible(id, caller, false);
        reports.find(id).orElseThrow(() -> ProblemException.notFound("Report of request " + id));
        return links.link(id, clock.instant());
    }

    /** Streams the stored report as JSON or, with format=html, as the readable page (ReportWriter: memory bounded whatever its size). */
    static Response render(ReportWriter writer, Reports.Stored report, String format) {
        if ("html".equals(format)) {
            return Response.ok((StreamingOutput) out -> writer.html(report, out), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok((StreamingOutput) out -> writer.json(report, out), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private RequestView show(Request r) {
        return queries.view(r, null, null, null);
    }
}
