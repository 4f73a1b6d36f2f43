package dev.steward.console.legal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.BearerPropagation;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** disclosure-service's legal demands and notices (issue 15), called with the signed-in person's token. */
@RegisterRestClient(configKey = "disclosure-service")
@RegisterProvider(BearerPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DemandApi {

    @POST
    @Path("/legal-demands")
    DemandView receive(JsonNode demand, @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** Emergencies first, then the soonest due (the service orders them). */
    @GET
    @Path("/legal-demands")
    Page<DemandView> demands(@QueryParam("status") String status, @QueryParam("processType") String processType,
                             @QueryParam("view") String view, @QueryParam("limit") int limit,
                             @QueryParam("cursor") String cursor);

    @GET
    @Path("/legal-demands/{id}")
    DemandView demand(@PathParam("id") UUID id);

    @POST
    @Path("/legal-demands/{id}/transitions")
    DemandView transition(@PathParam("id") UUID id, JsonNode transition,
                          @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/legal-notices")
    NoticeList notices(@QueryParam("view") String view, @QueryParam("limit") int limit);

    record NoticeList(String view, List<NoticeDue> items) {
        public NoticeList {
            items = items == null ? List.of() : items;
        }
    }

    /** A notice to a Client org that is due (its gag lapsed, or none): tried how often, with what answer. */
    @io.quarkus.qute.TemplateData
    record NoticeDue(UUID demandId, String org, boolean emergency, LocalDate dueOn, boolean overdue, int attempts,
                     Integer lastStatus, String lastError, Instant deliveredAt) {
    }
}
