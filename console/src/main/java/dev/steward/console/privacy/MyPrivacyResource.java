package dev.steward.console.privacy;

import dev.steward.console.peer.Page;
import dev.steward.console.requests.RequestApi;
import dev.steward.console.requests.RequestView;
import dev.steward.console.web.Forms;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * "My privacy" for a signed-in customer: their own requests (request-service scopes GET /requests
 * to the caller) and consents (account-service GET /me/consents), both with the customer's own token.
 */
@Path("/privacy/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
public class MyPrivacyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance me(Page<RequestView> requests, String cursor, List<Consent> consents,
                                          boolean restricted);
    }

    /** One purpose and whether the customer allows it. */
    @TemplateData
    public record Consent(Purposes.Purpose purpose, boolean granted) {
    }

    private final RequestApi requests;
    private final MyPrivacyApi accounts;

    public MyPrivacyResource(@RestClient RequestApi requests, @RestClient MyPrivacyApi accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @GET
    public TemplateInstance me(@RestQuery String cursor) {
        Page<RequestView> mine = requests.list(null, null, null, null, null, null, null, null, null, 50,
                Forms.blankToNull(cursor));
        MyPrivacyApi.ConsentState state = accounts.consents();
        List<Consent> consents = Purposes.ALL.stream()
                .filter(p -> state.purposes() == null || state.purposes().containsKey(p.name()))
                .map(p -> new Consent(p, state.purposes() != null && Boolean.TRUE.equals(state.purposes().get(p.name()))))
                .toList();
        return Templates.me(mine, cursor, consents, state.restricted());
    }
}
