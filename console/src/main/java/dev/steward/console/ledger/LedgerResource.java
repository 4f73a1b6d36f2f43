package dev.steward.console.ledger;

import dev.steward.console.legal.DisclosureApi;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.PeerRefused;
import dev.steward.console.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The ledger page: run a verification (the result, or the first broken entry), the latest signed
 * checkpoint with the public key that checks it, and the entries paged.
 */
@Path("/ledger")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER, Viewer.AUDITOR})
public class LedgerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(DisclosureApi.Verification verification,
                                              DisclosureApi.Checkpoint checkpoint, DisclosureApi.PublicKey publicKey,
                                              Page<DisclosureApi.LedgerEntry> entries, String cursor);
    }

    private final DisclosureApi api;

    public LedgerResource(@RestClient DisclosureApi api) {
        this.api = api;
    }

    @GET
    public TemplateInstance ledger(@RestQuery String verify, @RestQuery String cursor) {
        DisclosureApi.Verification verification = verify != null ? api.verify() : null;
        DisclosureApi.Checkpoint checkpoint;
        try {
            checkpoint = api.latestCheckpoint();
        } catch (PeerRefused e) {
            checkpoint = null; // 404: no checkpoint signed yet
        }
        return Templates.ledger(verification, checkpoint, api.publicKey(),
                api.entries(50, cursor == null || cursor.isBlank() ? null : cursor), cursor);
    }

    /** Verifies the entries since the last checkpoint and signs a new one (legal and privacy officers, as the API allows). */
    @POST
    @Path("/checkpoints")
    @RolesAllowed({Viewer.LEGAL, Viewer.PRIVACY_OFFICER})
    public Response checkpoint() {
        api.checkpoint();
        return Response.seeOther(URI.create("/ledger")).build();
    }
}
