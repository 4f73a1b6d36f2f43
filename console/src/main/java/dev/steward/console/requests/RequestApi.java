package dev.steward.console.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.BearerPropagation;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** request-service, called with the signed-in person's token. */
@RegisterRestClient(configKey = "request-service")
@RegisterProvider(BearerPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RequestApi {

    @GET
    @Path("/requests")
    Page<RequestView> list(@QueryParam("status") String status, @QueryParam("view") String view,
                           @QueryParam("type") String type, @QueryParam("jurisdiction") String jurisdiction,
                           @QueryParam("receivedFrom") LocalDate receivedFrom, @QueryParam("receivedTo") LocalDate receivedTo,
                           @QueryParam("subjectId") String subjectId, @QueryParam("org") String org,
                           @QueryParam("sort") String sort, @QueryParam("limit") int limit,
                           @QueryParam("cursor") String cursor);

    @GET
    @Path("/requests/{id}")
    RequestView get(@PathParam("id") UUID id);

    /** approve, cancel, retry: an optional note. */
    @POST
    @Path("/requests/{id}/{action}")
    RequestView act(@PathParam("id") UUID id, @PathParam("action") String action, Bodies.Note body);

    @POST
    @Path("/requests/{id}/deny")
    RequestView deny(@PathParam("id") UUID id, Bodies.Deny body);

    @POST
    @Path("/requests/{id}/extend")
    RequestView extend(@PathParam("id") UUID id, Bodies.Extend body);

    @POST
    @Path("/requests/{id}/notes")
    Response note(@PathParam("id") UUID id, Bodies.ComplaintNote body);

    @POST
    @Path("/requests/{id}/resolve")
    RequestView resolve(@PathParam("id") UUID id, Bodies.Resolve body);

    /** The ACCESS report as the service renders it: JSON, or HTML with format=html. */
    @GET
    @Path("/requests/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    Response report(@PathParam("id") UUID id, @QueryParam("format") String format);

    @GET
    @Path("/compliance/report")
    JsonNode compliance();

    @GET
    @Path("/reports/metrics")
    JsonNode metrics(@QueryParam("year") Integer year);

    /** The bodies of the lifecycle actions, as request-service takes them. */
    final class Bodies {
        private Bodies() {
        }

        public record Note(String note) {
        }

        public record Deny(String reasonCode, String note) {
        }

        public record Extend(String reason, Integer days) {
        }

        public record ComplaintNote(String text) {
        }

        public record Resolve(String resolution) {
        }
    }
}
