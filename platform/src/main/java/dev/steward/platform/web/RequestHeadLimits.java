package dev.steward.platform.web;

import dev.steward.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers an over-long request line (414), an over-large header block (431), a broken %-escape or
 * another malformed URI (400, see {@code StewardMain}) and an Accept or Content-Type that is not a
 * media type (400; JAX-RS would fail on it with a 500) with problem+json. The HTTP codec rejects these itself with a bare status and no
 * body, and Quarkus offers no hook for Vert.x's invalid-request handler (quarkusio/quarkus#55082),
 * so the codec's own limits are set four times higher (platform config) and ours are enforced here,
 * on the first route, before anything decodes the path. Only requests beyond the codec's limits
 * (64 KiB) still get its bare answer.
 */
@ApplicationScoped
public class RequestHeadLimits {

    /** Quarkus' defaults for the codec, kept as this service's real limits. */
    static final int MAX_URI_CHARS = 4096;
    static final int MAX_HEADER_BYTES = 20 * 1024;
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        // a path Vert.x cannot decode fails before any route runs and ends here, with no body of its own
        router.errorHandler(400, ctx -> {
            if (!ctx.response().headWritten()) {
                refuse(ctx, BROKEN_ESCAPE.matcher(ctx.request().uri()).find() ? brokenEscape(ctx.request())
                        : Problem.of(400, "invalid-request", "Invalid request", "The request could not be read"));
            }
        });
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI_CHARS) {
            refuse(ctx, Problem.of(414, "uri-too-long", "URI too long",
                    "The request URI is longer than " + MAX_URI_CHARS + " characters"));
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            refuse(ctx, Problem.of(431, "headers-too-large", "Request headers too large",
                    "The request headers exceed " + MAX_HEADER_BYTES + " bytes"));
        } else if (BROKEN_ESCAPE.matcher(uri).find()) {
            refuse(ctx, brokenEscape(request));
        } else if (!parses(uri)) {
            refuse(ctx, Problem.of(400, "invalid-uri", "Invalid request URI",
                    "The request URI is not a valid URI (RFC 3986)")
                    .withErrors(List.of(new Problem.FieldError("uri", "is not a valid URI"))));
        } else if (unparseableMediaType(request, "Accept") != null || unparseableMediaType(request, "Content-Type") != null) {
            String header = unparseableMediaType(request, "Accept") != null ? "Accept" : "Content-Type";
            refuse(ctx, Problem.of(400, "invalid-header", "Invalid header",
                    "The " + header + " header is not a media type")
                    .withErrors(List.of(new Problem.FieldError(header, "is not a media type"))));
        } else {
            ctx.next();
        }
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The header's value when it is not a list of media types (JAX-RS would fail on it later with a 500), else null. */
    private static String unparseableMediaType(HttpServerRequest request, String header) {
        for (String value : request.headers().getAll(header)) {
            for (String type : value.split(",")) {
                try {
                    if (!type.isBlank()) {
                        MediaType.valueOf(type.trim());
                    }
                } catch (IllegalArgumentException e) {
                    return value;
                }
            }
        }
        return null;
    }

    private static Problem brokenEscape(HttpServerRequest request) {
        int query = request.uri().indexOf('?');
        String path = query < 0 ? request.uri() : request.uri().substring(0, query);
        String part = BROKEN_ESCAPE.matcher(path).find() ? "path" : "query";
        return Problem.of(400, "invalid-escape", "Invalid percent-escape",
                "The request " + part + " has a '%' that is not followed by two hex digits")
                .withErrors(List.of(new Problem.FieldError(part, "has a '%' not followed by two hex digits")));
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // "name: value\r\n"
        }
        return bytes;
    }

    private static void refuse(RoutingContext ctx, Problem problem) {
        ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
