package dev.steward.console.privacy;

import dev.steward.console.peer.BearerPropagation;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service for a signed-in customer, with their own token: their consents (GET /me/consents). */
@RegisterRestClient(configKey = "account-service")
@RegisterProvider(BearerPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface MyPrivacyApi {

    @GET
    @Path("/me/consents")
    ConsentState consents();

    /** true = allowed; a restricted customer allows nothing beyond the service itself. */
    record ConsentState(boolean restricted, Map<String, Boolean> purposes) {
    }
}
