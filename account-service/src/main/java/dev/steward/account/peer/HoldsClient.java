package dev.steward.account.peer;

import dev.steward.platform.peer.PeerErrors;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * disclosure-service's legal holds (§8(b)), asked with account-service's client-credentials token.
 * The peer-client convention ({@link PeerErrors}): retried on transport failures, 5xx and timeouts only;
 * a 4xx neither is retried nor opens the circuit.
 */
@RegisterRestClient(configKey = "disclosure-service")
@RegisterProvider(PeerErrors.class)
@OidcClientFilter
@Path("/internal/holds")
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100,
        retryOn = {ProcessingException.class, PeerErrors.Unavailable.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = PeerErrors.Rejected.class)
public interface HoldsClient {

    record Hold(String id, String scope, String reason, Instant placedAt) {
    }

    record Holds(boolean held, List<Hold> holds) {
    }

    @GET
    @Path("/active")
    Holds active(@QueryParam("org") String org, @QueryParam("kind") String kind, @QueryParam("id") String id);
}
