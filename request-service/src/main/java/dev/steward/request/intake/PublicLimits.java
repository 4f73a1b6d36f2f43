package dev.steward.request.intake;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.Problems;
import dev.steward.platform.ratelimit.PostgresRateLimiter;
import dev.steward.platform.ratelimit.SharedRateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The public endpoints' limits, held in PostgreSQL so they hold across replicas. The client address is
 * the peer's, or the {@code X-Forwarded-For} client when the peer is a trusted proxy (Quarkus resolves
 * that from {@code quarkus.http.proxy.*}: the console forwards the visitor's address). A refusal is a
 * 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class PublicLimits {

    private final SharedRateLimits limits;
    private final RateLimitSettings settings;

    public PublicLimits(SharedRateLimits limits, RateLimitSettings settings) {
        this.limits = limits;
        this.settings = settings;
    }

    /** Thrown when a limit is reached; answered as a 429 problem with Retry-After. */
    public static final class TooManyRequests extends RuntimeException {
        private final long retryAfter;
        private final String what;

        TooManyRequests(long retryAfter, String what) {
            super(null, null, false, false);
            this.retryAfter = retryAfter;
            this.what = what;
        }
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e) {
        return Response.fromResponse(Problems.response(Problem.of(429, "rate-limited", "Too many requests",
                "Too many requests " + e.what + "; try again in " + e.retryAfter + " seconds")))
                .header("Retry-After", e.retryAfter).build();
    }

    /** The address a limit is counted against. */
    public static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
    }

    /** Every public call: per client address. */
    public void address(HttpServerRequest http) {
        hit("address", clientAddress(http), settings.address().limit(), "from your address");
    }

    /** What mails a code: per e-mail address, known or not (so the answer tells nothing about it). */
    public void email(String email) {
        hit("email", email.trim().toLowerCase(Locale.ROOT), settings.email().limit(), "for this e-mail address");
    }

    /** Code entry and status look-ups: per client address. */
    public void codeEntry(HttpServerRequest http) {
        hit("code-entry", clientAddress(http), settings.codeEntry().limit(), "from your address");
    }

    private void hit(String name, String key, PostgresRateLimiter.Limit limit, String what) {
        long wait = limits.acquire(name, key, limit);
        if (wait > 0) {
            throw new TooManyRequests(wait, what);
        }
    }
}
