package dev.steward.request.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.steward.platform.problem.ProblemException;
import dev.steward.request.report.ReportWriter;
import dev.steward.request.report.Reports;
import dev.steward.request.report.SignedLinks;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Endpoints without a token: public intake (rate-limited per client IP) and signed report links. */
@Path("/public")
@Tag(name = "Public", description = "Requests from people who are not signed in, and the signed links to their reports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirementsSet
public class PublicResource {

    private final Intake intake;
    private final PublicLimits limits;
    private final Reports reports;
    private final ReportWriter writer;
    private final SignedLinks links;
    private final Clock clock;

    public PublicResource(Intake intake, PublicLimits limits, Reports reports, ReportWriter writer, SignedLinks links,
                          Clock clock) {
        this.intake = intake;
        this.limits = limits;
        this.reports = reports;
        this.writer = writer;
        this.links = links;
        this.clock = clock;
    }

    @POST
    @Path("/requests")
    @PermitAll
    @Operation(summary = "Submit a request without signing in", description = "For end users and visitors. About a "
            + "Client's end user or visitor, the request is routed to that Client (ROUTED_TO_CONTROLLER, signed "
            + "callback); otherwise it waits for identity verification by a privacy officer. Rate-limited per client address and per e-mail address.")
    @APIResponse(responseCode = "201", description = "Received: the request's id, status and due date (the request is at Location)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the request it created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address or for this e-mail address (Retry-After)")
    public Response submit(@Context HttpServerRequest http, @Valid @NotNull PublicRequest in,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        limits.address(http);
        limits.email(in.contact());
        return RequestResource.created(intake.submitPublic(in, idempotencyKey));
    }

    @GET
    @Path("/reports/{id}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Download an ACCESS report through an expiring signed link")
    public Response report(@PathParam("id") UUID id, @QueryParam("expires") long expires,
                           @QueryParam("signature") String signature, @QueryParam("format") String format) {
        if (!links.valid(id, expires, signature, clock.instant())) {
            throw ProblemException.notFound("Report link");
        }
        return RequestResource.render(writer, reports.find(id).orElseThrow(() -> ProblemException.notFound("Report link")), format);
    }
}
