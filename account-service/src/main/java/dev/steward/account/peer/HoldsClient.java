package dev.steward.account.peer;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** disclosure-service's legal holds (§8(b)), asked with account-service's client-credentials token. */
@RegisterRestClient(configKey = "disclosure-service")
@OidcClientFilter
@Path("/internal/holds")
public interface HoldsClient {

    record Hold(String id, String scope, String reason, Instant placedAt) {
    }

    record Holds(boolean held, List<Hold> holds) {
    }

    @GET
    @Path("/active")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = jakarta.ws.rs.ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Holds active(@QueryParam("org") String org, @QueryParam("kind") String kind, @QueryParam("id") String id);
}
