package dev.steward.console.legal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.console.peer.BearerPropagation;
import dev.steward.console.peer.Page;
import dev.steward.console.peer.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** disclosure-service, called with the signed-in person's token. */
@RegisterRestClient(configKey = "disclosure-service")
@RegisterProvider(BearerPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DisclosureApi {

    @POST
    @Path("/disclosures")
    DisclosureView record(JsonNode disclosure, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/disclosures")
    Page<DisclosureView> disclosures(@QueryParam("org") String org, @QueryParam("kind") String kind,
                                     @QueryParam("id") String subjectId, @QueryParam("limit") int limit,
                                     @QueryParam("cursor") String cursor);

    @GET
    @Path("/disclosures/{id}")
    DisclosureView disclosure(@PathParam("id") UUID id);

    /** A disclosure to law enforcement or a regulator, proposed for a second legal user's approval. */
    @POST
    @Path("/disclosure-proposals")
    Proposal propose(JsonNode disclosure, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/disclosure-proposals")
    Page<Proposal> proposals(@QueryParam("status") String status, @QueryParam("limit") int limit,
                             @QueryParam("cursor") String cursor);

    @GET
    @Path("/disclosure-proposals/{id}")
    Proposal proposal(@PathParam("id") UUID id);

    /** The second legal user's approval: records the disclosure as proposed. */
    @POST
    @Path("/disclosure-proposals/{id}/approval")
    Proposal approve(@PathParam("id") UUID id);

    @POST
    @Path("/disclosure-proposals/{id}/decline")
    Proposal decline(@PathParam("id") UUID id, Decline decline);

    @POST
    @Path("/holds")
    Hold place(JsonNode hold, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/holds/{id}/release")
    Hold release(@PathParam("id") UUID id, Release release);

    @GET
    @Path("/holds")
    Page<Hold> holds(@QueryParam("active") Boolean active, @QueryParam("limit") int limit,
                     @QueryParam("cursor") String cursor);

    @POST
    @Path("/subprocessors")
    SubProcessor register(JsonNode subProcessor, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/subprocessors/{id}")
    SubProcessor subProcessor(@PathParam("id") UUID id);

    /** A full replacement of the registration (same body as register). */
    @PUT
    @Path("/subprocessors/{id}")
    SubProcessor update(@PathParam("id") UUID id, JsonNode subProcessor);

    @GET
    @Path("/subprocessors")
    Page<SubProcessor> subProcessors(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/reports/transparency")
    Transparency transparency(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/reports/transparency")
    @Produces("text/csv")
    Response transparencyCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("format") String format);

    @GET
    @Path("/ledger/verify")
    Verification verify();

    @GET
    @Path("/ledger/entries")
    Page<LedgerEntry> entries(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/ledger/checkpoints/latest")
    Checkpoint latestCheckpoint();

    @POST
    @Path("/ledger/checkpoints")
    Checkpoint checkpoint();

    @GET
    @Path("/ledger/public-key")
    PublicKey publicKey();

    record Release(String reason) {
    }

    record Decline(String reason) {
    }

    record Transparency(String from, String to, boolean banded, String generatedAt, java.util.List<Row> rows) {
        public record Row(String period, String recipientType, String legalBasis, String outcome, Integer count,
                          String band) {
        }
    }

    record Verification(boolean valid, long from, long to, long checked, Long firstBroken, String problem, long size,
                        String headHash) {
    }

    record LedgerEntry(long seq, String type, UUID ref, String contentDigest, java.time.Instant recordedAt, String prevHash,
                       String hash) {
    }

    record Checkpoint(UUID id, long size, String headHash, java.time.Instant signedAt, String keyId, String statement,
                      String signature) {
    }

    record PublicKey(String algorithm, String keyId, String publicKey, String pem, boolean ephemeral) {
    }
}
