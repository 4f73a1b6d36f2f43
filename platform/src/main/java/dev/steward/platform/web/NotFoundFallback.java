package dev.steward.platform.web;

import dev.steward.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Paths that no handler serves answer 404 problem+json rather than Vert.x's plain-text page.
 */
@ApplicationScoped
public class NotFoundFallback {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(404, "not-found", "Not Found", "No resource at this path")
                        .withInstance(ctx.normalizedPath()))));
    }
}
