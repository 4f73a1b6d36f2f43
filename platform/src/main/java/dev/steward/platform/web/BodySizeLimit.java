package dev.steward.platform.web;

import dev.steward.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized body with 413 problem+json before it is read. Vert.x enforces
 * {@code quarkus.http.limits.max-body-size} too, but with an empty response; this handler runs
 * first whenever the client declares a Content-Length.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isTooLong(length)) {
                Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                        "The request body exceeds the limit of " + maxBytes + " bytes");
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
            } else {
                ctx.next();
            }
        });
    }

    private boolean isTooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
