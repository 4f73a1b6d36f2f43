package dev.steward.request.peer;

import dev.steward.platform.peer.PeerErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.request.peer.PeerDtos.ActiveHolds;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import java.io.InputStream;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** disclosure-service's internal API (legal holds, accounting of disclosures, compliance figures). */
@RegisterRestClient(configKey = "disclosure-service")
@RegisterProvider(PeerErrors.class)
@OidcClientFilter
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessingException.class, PeerErrors.Unavailable.class,
        TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = PeerErrors.Rejected.class)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public interface DisclosureClient {

    @GET
    @Path("/holds/active")
    ActiveHolds activeHolds(@QueryParam("org") String org, @QueryParam("kind") String kind, @QueryParam("id") String id);

    @GET
    @Path("/subjects/{org}/{kind}/{id}/accounting")
    @Timeout(30_000) // until the answer starts: every disclosure of the subject, read as a stream
    InputStream accounting(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id);

    @GET
    @Path("/compliance")
    JsonNode compliance();
}
