package dev.steward.disclosure.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service's internal API: a subject's consent and restriction (§6), with this service's client-credentials token. */
@RegisterRestClient(configKey = "account-service")
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public interface AccountClient {

    /** {@code {subject, restricted, purposes:{THIRD_PARTY_SHARING: bool, ...}}}; unknown subjects answer the defaults. */
    @GET
    @Path("/subjects/{org}/{kind}/{id}/consents")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    JsonNode consents(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id);
}
