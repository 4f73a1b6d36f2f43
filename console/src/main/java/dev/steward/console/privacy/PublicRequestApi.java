package dev.steward.console.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * request-service's public API (contract C2), called WITHOUT a token: the visitor is not signed in.
 * Every call forwards the visitor's address as X-Forwarded-For, so the service rate-limits the
 * visitor and not the console.
 */
@RegisterRestClient(configKey = "request-service")
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PublicRequestApi {

    String FORWARDED_FOR = "X-Forwarded-For";

    @POST
    @Path("/public/requests")
    Submitted submit(JsonNode request, @HeaderParam("Idempotency-Key") String idempotencyKey,
                     @HeaderParam(FORWARDED_FOR) String visitor);

    @POST
    @Path("/public/requests/{id}/verification")
    Verified verify(@PathParam("id") UUID id, Code code, @HeaderParam(FORWARDED_FOR) String visitor);

    @POST
    @Path("/public/requests/{id}/code")
    JsonNode sendCode(@PathParam("id") UUID id, Email email, @HeaderParam(FORWARDED_FOR) String visitor);

    @GET
    @Path("/public/status/{token}")
    RequestStatus status(@PathParam("token") String statusToken, @HeaderParam(FORWARDED_FOR) String visitor);

    /** The report through its expiring signed link (the signature is the authority; no token). */
    @GET
    @Path("/public/reports/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    Response report(@PathParam("id") UUID id, @QueryParam("expires") long expires,
                    @QueryParam("signature") String signature, @QueryParam("format") String format,
                    @HeaderParam(FORWARDED_FOR) String visitor);

    record Submitted(UUID id, String type, String status, java.time.Instant receivedAt, java.time.Instant dueAt) {
    }

    record Code(String code) {
    }

    record Email(String email) {
    }

    record Verified(UUID id, String status, String statusToken) {
    }
}
