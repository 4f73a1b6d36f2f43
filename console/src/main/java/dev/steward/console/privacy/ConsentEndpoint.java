package dev.steward.console.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.peer.PeerUnavailable;
import dev.steward.console.peer.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The small JSON endpoint behind the embeddable consent script ({@code /privacy/consent.js}):
 * GET and PUT {@code /privacy/consents/{org}/{visitorId}}, passed on to account-service (contract C3)
 * with the browser's own {@code Sec-GPC} header. Websites call it from their pages, so it answers
 * CORS only to the configured origins (and the console's own), without credentials: it relies on
 * no cookie and no session, which is also why it is a plain Vert.x route outside the CSRF filter
 * (the double-submit cookie cannot work across sites; the origin allow-list and the JSON preflight
 * protect it instead).
 */
@ApplicationScoped
public class ConsentEndpoint {

    static final String PATH = "/privacy/consents/:org/:visitorId";
    private static final Logger LOG = Logger.getLogger(ConsentEndpoint.class);
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PublicAccountApi accounts;
    private final Set<String> origins;

    public ConsentEndpoint(@RestClient PublicAccountApi accounts, PrivacyCenterSettings settings) {
        this.accounts = accounts;
        this.origins = Set.copyOf(settings.consentOrigins().orElse(List.of()));
    }

    void routes(@Observes Router router) {
        router.options(PATH).handler(this::preflight);
        // blocking handlers: the REST client waits for account-service
        router.get(PATH).blockingHandler(ctx -> answer(ctx, () -> accounts.consents(org(ctx), visitor(ctx), gpc(ctx))), false);
        router.put(PATH).handler(BodyHandler.create().setBodyLimit(8192))
                .blockingHandler(ctx -> answer(ctx, () -> accounts.choose(org(ctx), visitor(ctx), choices(ctx), gpc(ctx))), false);
    }

    private void preflight(RoutingContext ctx) {
        if (!cors(ctx)) {
            refuse(ctx, 403, "origin-not-allowed", "Origin not allowed", "Origin",
                    "is not a website allowed to embed the consent script");
            return;
        }
        ctx.response().setStatusCode(204).putHeader("Access-Control-Allow-Methods", "GET, PUT")
                .putHeader("Access-Control-Allow-Headers", "Content-Type").putHeader("Access-Control-Max-Age", "600").end();
    }

    private interface Call {
        PublicAccountApi.VisitorConsents run();
    }

    private void answer(RoutingContext ctx, Call call) {
        if (!cors(ctx)) {
            refuse(ctx, 403, "origin-not-allowed", "Origin not allowed", "Origin",
                    "is not a website allowed to embed the consent script");
            return;
        }
        if (!ORG.matcher(ctx.pathParam("org")).matches()) {
            refuse(ctx, 400, "invalid-org", "Invalid org", "org", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            return;
        }
        if (!Visitors.valid(ctx.pathParam("visitorId"))) {
            refuse(ctx, 400, "invalid-visitor-id", "Invalid visitor id", "visitorId",
                    "must be 8 to 128 letters, digits, '.', '_' or '-'");
            return;
        }
        try {
            send(ctx, 200, "application/json", JSON.writeValueAsString(call.run()));
        } catch (BadBody e) {
            refuse(ctx, 400, "invalid-body", "Invalid body", "choices", e.getMessage());
        } catch (PeerRefused e) {
            Problem p = e.problem();
            try {
                send(ctx, p.status(), "application/problem+json", JSON.writeValueAsString(p));
            } catch (IOException io) {
                refuse(ctx, p.status(), "refused", p.title(), null, null);
            }
        } catch (PeerUnavailable | ProcessingException e) {
            LOG.warnf("peer unavailable for the consent endpoint: %s", e.getClass().getSimpleName());
            ctx.response().putHeader("Retry-After", "30");
            refuse(ctx, 503, "unavailable", "Service unavailable", null, null);
        } catch (IOException e) {
            refuse(ctx, 500, "unexpected", "Could not write the answer", null, null);
        }
    }

    /** Adds the CORS headers for an allowed origin; false for a browser on a website not allowed. */
    private boolean cors(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true; // not a cross-site browser call: a server, or a same-origin GET
        }
        String own = ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
        if (!origins.contains(origin) && !origin.equals(own)) {
            return false;
        }
        ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
        return true;
    }

    private static String org(RoutingContext ctx) {
        return ctx.pathParam("org");
    }

    private static String visitor(RoutingContext ctx) {
        return ctx.pathParam("visitorId");
    }

    /** The browser's Global Privacy Control signal, passed on as it came. */
    private static String gpc(RoutingContext ctx) {
        String v = ctx.request().getHeader("Sec-GPC");
        return v != null && "1".equals(v.trim()) ? "1" : null;
    }

    private static PublicAccountApi.Choices choices(RoutingContext ctx) {
        try {
            String body = ctx.body() == null ? null : ctx.body().asString();
            if (body == null || body.isBlank()) {
                throw new BadBody("send a JSON object such as {\"choices\": {\"ANALYTICS_SHARING\": true}}");
            }
            PublicAccountApi.Choices c = JSON.readValue(body, PublicAccountApi.Choices.class);
            Map<String, Boolean> choices = c.choices() == null ? Map.of() : c.choices();
            return new PublicAccountApi.Choices(choices, c.source() == null ? "BANNER" : c.source());
        } catch (IOException e) {
            throw new BadBody("is not a JSON object of purpose to true/false");
        }
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String field, String message) {
        ObjectNode p = JSON.createObjectNode().put("type", "https://steward.dev/problems/" + type).put("title", title)
                .put("status", status);
        if (field != null) {
            p.put("detail", field + " " + message);
            p.putArray("errors").addObject().put("field", field).put("message", message);
        }
        send(ctx, status, "application/problem+json", p.toString());
    }

    private static void send(RoutingContext ctx, int status, String type, String body) {
        HttpServerResponse r = ctx.response();
        r.setStatusCode(status).putHeader("Content-Type", type).end(body);
    }

    /** A PUT body the endpoint cannot read. */
    private static final class BadBody extends RuntimeException {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }
}
