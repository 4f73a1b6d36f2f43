package dev.steward.disclosure.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.peer.PeerErrors;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's internal API: a subject's consent and restriction (§6), with this service's
 * client-credentials token. The platform's peer-client convention: retried only when the peer is
 * unreachable, slow or answers 5xx; a 4xx is an answer and neither retried nor counted by the breaker.
 */
@RegisterRestClient(configKey = "account-service")
@RegisterProvider(PeerErrors.class)
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100,
        retryOn = {ProcessingException.class, PeerErrors.Unavailable.class, TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = PeerErrors.Rejected.class)
public interface AccountClient {

    /** {@code {subject, restricted, purposes:{THIRD_PARTY_SHARING: bool, ...}}}; unknown subjects answer the defaults. */
    @GET
    @Path("/subjects/{org}/{kind}/{id}/consents")
    JsonNode consents(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id);

    /** The Client org: {@code callbackUrl} and {@code callbackSecret} are where and how its notices are signed and sent. */
    @GET
    @Path("/orgs/{id}")
    JsonNode organisation(@PathParam("id") String id);
}
