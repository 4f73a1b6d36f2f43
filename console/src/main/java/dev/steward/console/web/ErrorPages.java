package dev.steward.console.web;

import dev.steward.console.peer.PeerRefused;
import dev.steward.console.peer.PeerUnavailable;
import dev.steward.console.peer.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a page a person can read: a peer's refusal with its message, a peer that is
 * down with "nothing was changed", a page outside one's role with the "not for your role" page.
 * Never a stack trace or a blank page. Log lines name the kind of failure only, no personal data.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(Problem problem);

        static native TemplateInstance unavailable(String service);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return HomeResource.notForYourRole();
    }

    @ServerExceptionMapper
    public Response refused(PeerRefused e) {
        Response r = page(e.problem().status(), Templates.refused(e.problem()));
        if (e.problem().status() == 429 && e.retryAfterSeconds() != null) {
            // "too many": the service's message says how long; the header says it to the browser too
            return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unavailable(PeerUnavailable e) {
        LOG.warnf("peer unavailable: %s", e.service());
        return page(503, Templates.unavailable(e.service()));
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("peer unreachable: %s", e.getClass().getSimpleName());
        if (e.getCause() instanceof PeerRefused refused) {
            return refused(refused);
        }
        return page(503, Templates.unavailable("a Steward service"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, Templates.refused(new Problem(null, "Not found", 404, "There is no such page.", null)));
    }

    private static Response page(int status, TemplateInstance body) {
        Response.ResponseBuilder page = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (status == 503) {
            page.header("Retry-After", "30");
        }
        return page.entity(body).build();
    }
}
