package dev.steward.request.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.verification.VerificationMail;
import dev.steward.request.verification.Verifications;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** Endpoints without a token (the Privacy Center's API): public intake, e-mail verification, the status page, and signed report links. */
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
    private final Verifications verifications;
    private final VerificationMail mail;

    public PublicResource(Intake intake, PublicLimits limits, Reports reports, ReportWriter writer, SignedLinks links,
                          Clock clock, Verifications verifications, VerificationMail mail) {
        this.intake = intake;
        this.limits = limits;
        this.reports = reports;
        this.writer = writer;
        this.links = links;
        this.clock = clock;
        this.verifications = verifications;
        this.mail = mail;
    }

    @POST
    @Path("/requests")
    @PermitAll
    @Operation(summary = "Submit a request without signing in", description = "For end users and visitors. About a "
            + "Client's end user or visitor, the request is routed to that Client (ROUTED_TO_CONTROLLER, signed "
            + "callback) and the contact is told so by mail; otherwise it waits (PENDING_VERIFICATION) for the 6-digit code "
            + "mailed to the contact, valid 15 minutes. Rate-limited per client address and per e-mail address.")
    @APIResponse(responseCode = "201", description = "Received: the request's id, status and due date (the request is at Location)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the request it created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestResource.Submitted.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address or for this e-mail address (Retry-After)")
    public Response submit(@Context HttpServerRequest http, @Valid @NotNull PublicRequest in,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        limits.address(http);
        limits.email(in.contact());
        Intake.Result result = intake.submitPublic(in, idempotencyKey);
        Request r = result.request();
        if (result.created()) { // a retry with the same Idempotency-Key mails nothing again
            if (r.status == RequestStatus.ROUTED_TO_CONTROLLER) {
                mail.routed(r.id, r.contact, r.subjectOrg);
            } else if (Verifications.verifiable(r)) {
                Verifications.Issued issued = verifications.issue(r.id);
                mail.code(r.id, issued.contact(), issued.code(), issued.statusToken());
            }
        }
        return RequestResource.created(result);
    }

    /** A code as typed: six digits. */
    public record CodeEntry(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be six digits") String code) {
    }

    /** Where to send a new code. */
    public record CodeRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    /** A verified request: its status, and a token for its status page. */
    public record Verified(UUID id, RequestStatus status, String statusToken) {
    }

    /** The answer to a code request, whatever the address: nothing tells whether it was the request's. */
    public record CodeRequested(boolean sent) {
    }

    @POST
    @Path("/requests/{id}/verification")
    @PermitAll
    @Operation(summary = "Verify a public request with the code mailed to its contact",
            description = "The right code moves a request PENDING_VERIFICATION on without an officer (and later gives a new "
                    + "status token: re-verification). A code is valid 15 minutes and 5 wrong tries. Rate-limited per client address.")
    @APIResponse(responseCode = "200", description = "Verified: the request's status and a status token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Verified.class)))
    @APIResponse(responseCode = "422", description = "Wrong code (problem type .../wrong-code, extension attemptsLeft)")
    @APIResponse(responseCode = "409", description = "The code is locked after 5 wrong tries (.../code-locked) or expired (.../code-expired): ask for a new one")
    @APIResponse(responseCode = "404", description = "No public request with this id waits for a code")
    @APIResponse(responseCode = "429", description = "Too many code entries from this address (Retry-After)")
    public Response verify(@Context HttpServerRequest http, @PathParam("id") UUID id, @Valid @NotNull CodeEntry body) {
        limits.codeEntry(http);
        Verifications.Outcome out = verifications.verify(id, body.code());
        return switch (out.result()) {
            case VERIFIED -> Response.ok(new Verified(out.id(), out.status(), out.statusToken())).build();
            case WRONG_CODE -> problem(422, "wrong-code", "Wrong code", "This is not the code we sent; "
                    + out.attemptsLeft() + " tries left", Map.of("attemptsLeft", out.attemptsLeft()));
            case LOCKED -> problem(409, "code-locked", "Code locked", "Too many wrong tries: ask for a new code", Map.of());
            case EXPIRED -> problem(409, "code-expired", "Code expired", "This code is no longer valid: ask for a new code", Map.of());
        };
    }

    @POST
    @Path("/requests/{id}/code")
    @PermitAll
    @Operation(summary = "Mail a new code (resend, or re-verify to see the status later)",
            description = "Always 202 {\"sent\":true}: if the address is the request's contact a new code is mailed, "
                    + "replacing the earlier one; otherwise nothing happens. Rate-limited per client and per e-mail address.")
    @APIResponse(responseCode = "202", description = "Accepted (whether or not a mail went out)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CodeRequested.class)))
    @APIResponse(responseCode = "429", description = "Too many code requests from this address or for this e-mail address (Retry-After)")
    public Response newCode(@Context HttpServerRequest http, @PathParam("id") UUID id, @Valid @NotNull CodeRequest body) {
        limits.address(http);
        limits.email(body.email());
        verifications.reissue(id, body.email())
                .ifPresent(issued -> mail.code(issued.requestId(), issued.contact(), issued.code(), issued.statusToken()));
        return Response.accepted(new CodeRequested(true)).build();
    }

    @GET
    @Path("/status/{statusToken}")
    @PermitAll
    @Operation(summary = "The requester's status page: status, dates, steps, outcome and, once ready, the report link")
    @APIResponse(responseCode = "200", description = "The request's status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Verifications.StatusView.class)))
    @APIResponse(responseCode = "404", description = "No such status link")
    @APIResponse(responseCode = "429", description = "Too many look-ups from this address (Retry-After)")
    public Verifications.StatusView status(@Context HttpServerRequest http,
                                           @PathParam("statusToken") @Size(max = 100) String statusToken) {
        limits.codeEntry(http);
        return verifications.status(statusToken);
    }

    /** A problem document with extension members (RFC 9457 §3.2), such as attemptsLeft. */
    private static Response problem(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.of(status, slug, title, detail).type().toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
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
