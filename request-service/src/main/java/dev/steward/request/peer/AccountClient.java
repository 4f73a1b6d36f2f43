package dev.steward.request.peer;

import dev.steward.platform.peer.PeerErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.request.peer.PeerDtos.ErasureReceipt;
import dev.steward.request.peer.PeerDtos.RectificationBody;
import dev.steward.request.peer.PeerDtos.RectificationResult;
import dev.steward.request.peer.PeerDtos.RequestIdBody;
import dev.steward.request.peer.PeerDtos.RestrictionBody;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import java.io.InputStream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service's internal API, called with request-service's client-credentials token, under the
 * platform's one peer-client convention ({@link PeerErrors}; longer timeouts per method in application.properties).
 * These retries cover a blip; anything that must not be lost runs in a durable task, which
 * retries with back-off on top of them. Every write carries the requestId, and account-service
 * answers a repeated requestId with the same result.
 */
@RegisterRestClient(configKey = "account-service")
@RegisterProvider(PeerErrors.class)
@OidcClientFilter
@Timeout(5000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessingException.class, PeerErrors.Unavailable.class,
        TimeoutException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = PeerErrors.Rejected.class)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AccountClient {

    @GET
    @Path("/orgs/{id}")
    OrganisationView organisation(@PathParam("id") String id);

    @GET
    @Path("/subjects/{org}/{kind}/{id}/export")
    @Timeout(60_000) // until the answer starts: its body is read as a stream, however large (see report.ReportSections)
    InputStream export(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id);

    @POST
    @Path("/subjects/{org}/{kind}/{id}/rectification")
    @Timeout(10_000)
    RectificationResult rectify(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                                RectificationBody body);

    @POST
    @Path("/subjects/{org}/{kind}/{id}/erasure")
    @Timeout(30_000) // set-based erasure of all the subject's rows
    ErasureReceipt erase(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                         RequestIdBody body);

    @POST
    @Path("/subjects/{org}/{kind}/{id}/restriction")
    @Timeout(10_000)
    JsonNode restrict(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                      RestrictionBody body);

    @GET
    @Path("/compliance")
    JsonNode compliance();
}
