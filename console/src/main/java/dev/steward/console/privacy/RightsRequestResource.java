package dev.steward.console.privacy;

import dev.steward.console.peer.PeerRefused;
import dev.steward.console.peer.Problem;
import dev.steward.console.web.FieldErrors;
import dev.steward.console.web.ReportPages;
import dev.steward.console.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A visitor's request, without signing in (contract C2): the form, the e-mailed code, and the status
 * page the code opens. Every call to request-service carries the visitor's address and no token.
 * A service that says "too many" (429) is shown with the wait it asked for.
 */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class RightsRequestResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(RequestForm form, FieldErrors errors, String wait);

        static native TemplateInstance received();

        static native TemplateInstance passedOn(UUID id, String controller);

        static native TemplateInstance verify(UUID id, String notice, String alert, boolean needNewCode, String email,
                                              String emailError);

        static native TemplateInstance lookup(String requestId, String email, FieldErrors errors, String wait);

        static native TemplateInstance status(RequestStatus request, String reportPath);

        static native TemplateInstance unknownLink(String what);
    }

    private final PublicRequestApi requests;
    private final PrivacyCenterSettings settings;

    public RightsRequestResource(@RestClient PublicRequestApi requests, PrivacyCenterSettings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    @GET
    @Path("/request")
    public Response form(@RestCookie(Visitors.COOKIE) String cookie, @Context jakarta.ws.rs.core.UriInfo uri) {
        // A first-time visitor gets their visitor id here too (as on the preferences page), so that
        // "me, as a visitor" names this browser's visitor without a detour.
        String visitorId = Visitors.valid(cookie) ? cookie : Visitors.newId();
        Response.ResponseBuilder page = Response.ok(Templates.request(RequestForm.blank(visitorId), FieldErrors.NONE, null));
        if (!visitorId.equals(cookie)) {
            page.cookie(Visitors.cookie(visitorId, "https".equals(uri.getRequestUri().getScheme())));
        }
        return page.build();
    }

    @POST
    @Path("/request")
    public Response submit(@BeanParam RequestForm form, @Context HttpServerRequest http) {
        if (form.trapped()) {
            // a bot filled the hidden field: it sees the ordinary "check your e-mail" page, nothing is sent
            return Response.ok(Templates.received()).build();
        }
        if (form.changesUnreadable()) {
            Problem p = new Problem(null, "Check the changes", 400, "Write one change a line, as field: new value",
                    List.of(new Problem.FieldError("changes", "write one change a line, as field: new value")));
            return Response.status(400).entity(Templates.request(form.again(), new FieldErrors(p), null)).build();
        }
        try {
            PublicRequestApi.Submitted done = requests.submit(form.toJson(settings.org()), form.idempotencyKey(),
                    Visitors.address(http));
            if ("ROUTED_TO_CONTROLLER".equals(done.status())) {
                return Response.ok(Templates.passedOn(done.id(), form.org())).build();
            }
            return Response.seeOther(URI.create("/privacy/verify/" + done.id() + "?sent=1")).build();
        } catch (PeerRefused e) {
            String wait = e.problem().status() == 429 ? Visitors.readableWait(e.retryAfterSeconds()) : null;
            return withRetryAfter(Response.status(e.problem().status()), e)
                    .entity(Templates.request(form.again(), new FieldErrors(e.problem()), wait)).build();
        }
    }

    @GET
    @Path("/verify/{id}")
    public TemplateInstance codeEntry(@RestPath UUID id, @RestQuery String sent) {
        return Templates.verify(id, Forms.present(sent)
                ? "We sent a 6-digit code to your e-mail address. It is valid for 15 minutes." : null, null, false, null, null);
    }

    @POST
    @Path("/verify/{id}")
    public Response verify(@RestPath UUID id, @RestForm String code, @Context HttpServerRequest http) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            return Response.status(400).entity(Templates.verify(id, null, "The code is the 6 digits from the e-mail.",
                    false, null, null)).build();
        }
        try {
            PublicRequestApi.Verified ok = requests.verify(id, new PublicRequestApi.Code(typed), Visitors.address(http));
            return Response.seeOther(URI.create("/privacy/status/" + ok.statusToken())).build();
        } catch (PeerRefused e) {
            return withRetryAfter(Response.status(e.problem().status()), e).entity(codeRefused(id, e)).build();
        }
    }

    /** Why a code was not accepted, and what to do next. */
    private static TemplateInstance codeRefused(UUID id, PeerRefused e) {
        return switch (e.kind()) {
            case "wrong-code" -> {
                int left = e.extension("attemptsLeft").asInt(0);
                yield Templates.verify(id, null, "That code is not right. You have " + left
                        + (left == 1 ? " attempt" : " attempts") + " left.", left == 0, null, null);
            }
            case "code-locked" -> Templates.verify(id, null, "This code is locked after 5 wrong tries. Ask for a new "
                    + "code below: we send it to the e-mail address you gave with the request.", true, null, null);
            case "code-expired" -> Templates.verify(id, null, "This code has expired (a code is valid for 15 minutes). "
                    + "Ask for a new code below.", true, null, null);
            default -> e.problem().status() == 429
                    ? Templates.verify(id, null, "Too many tries. Please wait " + Visitors.readableWait(e.retryAfterSeconds())
                    + " and try again.", false, null, null)
                    : Templates.verify(id, null, "We found no request waiting for a code under this number. Check the "
                    + "link in the e-mail, or make a new request.", false, null, null);
        };
    }

    /** Resend: always the same answer whether or not the address matches (no enumeration). */
    @POST
    @Path("/verify/{id}/code")
    public Response resend(@RestPath UUID id, @RestForm String email, @Context HttpServerRequest http) {
        if (!Forms.present(email)) {
            return Response.status(400).entity(Templates.verify(id, null, null, true, null,
                    "Give the e-mail address you made the request with")).build();
        }
        try {
            requests.sendCode(id, new PublicRequestApi.Email(email.trim()), Visitors.address(http));
        } catch (PeerRefused e) {
            if (e.problem().status() == 429) {
                return withRetryAfter(Response.status(429), e).entity(Templates.verify(id, null, "Too many codes asked for. "
                        + "Please wait " + Visitors.readableWait(e.retryAfterSeconds()) + " and try again.", true, email, null)).build();
            }
            return Response.status(e.problem().status()).entity(Templates.verify(id, null, null, true, email,
                    new FieldErrors(e.problem()).of("email"))).build();
        }
        return Response.ok(Templates.verify(id, "If this is the address the request was made with, we have sent a new "
                + "code to it. The previous code no longer works.", null, false, null, null)).build();
    }

    /** Re-verify to see a request's status later: request id and e-mail, then a new code. */
    @GET
    @Path("/status")
    public TemplateInstance lookupForm() {
        return Templates.lookup(null, null, FieldErrors.NONE, null);
    }

    @POST
    @Path("/status")
    public Response lookup(@RestForm String requestId, @RestForm String email, @Context HttpServerRequest http) {
        UUID id;
        try {
            id = UUID.fromString(requestId == null ? "" : requestId.trim());
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Templates.lookup(requestId, email, new FieldErrors(new Problem(null,
                    "Check the request number", 400, "The request number is in the e-mail we sent you",
                    List.of(new Problem.FieldError("requestId", "is the number from our e-mail, such as 3f1c…-…")))), null)).build();
        }
        try {
            requests.sendCode(id, new PublicRequestApi.Email(email == null ? null : email.trim()), Visitors.address(http));
        } catch (PeerRefused e) {
            String wait = e.problem().status() == 429 ? Visitors.readableWait(e.retryAfterSeconds()) : null;
            return withRetryAfter(Response.status(e.problem().status()), e)
                    .entity(Templates.lookup(requestId, email, new FieldErrors(e.problem()), wait)).build();
        }
        return Response.seeOther(URI.create("/privacy/verify/" + id + "?sent=1")).build();
    }

    @GET
    @Path("/status/{token}")
    public Response status(@RestPath String token, @Context HttpServerRequest http) {
        try {
            RequestStatus r = requests.status(token, Visitors.address(http));
            return Response.ok(Templates.status(r, reportPath(r.reportUrl()))).build();
        } catch (PeerRefused e) {
            if (e.problem().status() == 404) {
                return Response.status(404).entity(Templates.unknownLink("status link")).build();
            }
            throw e;
        }
    }

    /** The report, fetched through its expiring signed link (the signature is the permission). */
    @GET
    @Path("/reports/{id}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response report(@RestPath UUID id, @RestQuery long expires, @RestQuery String signature,
                           @RestQuery String format, @Context HttpServerRequest http) {
        String f = "html".equals(format) ? "html" : null;
        try {
            Response r = requests.report(id, expires, signature, f, Visitors.address(http));
            byte[] body = r.readEntity(byte[].class);
            if (f != null) {
                return ReportPages.html(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"your-data-" + id + ".json\"").build();
        } catch (PeerRefused e) {
            if (e.problem().status() == 429) {
                throw e;
            }
            // an expired or altered signature: the service answers 404 (or 400 for a malformed one)
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.unknownLink("report link")).build();
        }
    }

    /** request-service's /public/reports/… path, as the console's own /privacy/reports/… address. */
    static String reportPath(String reportUrl) {
        if (reportUrl == null) {
            return null;
        }
        URI u = URI.create(reportUrl);
        String path = u.getRawPath();
        if (path == null || !path.startsWith("/public/reports/")) {
            return null;
        }
        return "/privacy/reports/" + path.substring("/public/reports/".length()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static Response.ResponseBuilder withRetryAfter(Response.ResponseBuilder b, PeerRefused e) {
        if (e.problem().status() == 429 && e.retryAfterSeconds() != null) {
            b.header("Retry-After", e.retryAfterSeconds());
        }
        return b;
    }
}
