package dev.steward.request.peer;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's internal API, called with request-service's client-credentials token.
 * Retries cover a peer that restarts; anything that must not be lost goes through a durable task
 * instead of relying on these retries.
 */
@RegisterRestClient(configKey = "account-service")
@OidcClientFilter
@Path("/internal")
public interface AccountClient {

    @GET
    @Path("/orgs/{id}")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = jakarta.ws.rs.ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    OrganisationView organisation(@PathParam("id") String id);
}
