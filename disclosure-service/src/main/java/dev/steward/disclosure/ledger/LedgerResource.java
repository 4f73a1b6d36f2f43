package dev.steward.disclosure.ledger;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.validation.constraints.NotNull;
import io.agroal.api.AgroalDataSource;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.net.URI;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tamper-evident ledger: verification, its entries (no personal data), signed checkpoints. */
@Path("/ledger")
@Tag(name = "Ledger", description = "The tamper-evident ledger: an RFC 9162 Merkle tree log with a hash chain, C2SP signed checkpoints, inclusion and consistency proofs, tlog-proof bundles, verification and export")
public class LedgerResource {

    public record PublicKey(String algorithm, String keyId, String publicKey, String spki, String pem,
                            boolean ephemeral, String signs, String origin, String noteVerifierKey) {
    }

    private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";

    private final LedgerVerifier verifier;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final Proofs proofs;
    private final ProofBundles bundles;
    private final AgroalDataSource db;

    public LedgerResource(LedgerVerifier verifier, Checkpoints checkpoints, CheckpointSigner signer, Proofs proofs,
                          ProofBundles bundles, AgroalDataSource db) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.proofs = proofs;
        this.bundles = bundles;
        this.db = db;
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Recompute the hash chain over [from, to] (default: all) and name the first broken sequence number")
    public Verification verify(@QueryParam("from") @Min(1) Long from, @QueryParam("to") @Min(1) Long to)
            throws SQLException {
        if (from != null && to != null && from > to) {
            throw ProblemException.badRequest("from must not be after to", new Problem.FieldError("from", "is after to"));
        }
        return verifier.verify(from, to, null);
    }

    @GET
    @Path("/entries")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Ledger entries in sequence order (they hold no personal data), for independent verification")
    public Page<LedgerEntry> entries(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @QueryParam("cursor") String cursor) {
        String key = Page.decode(cursor);
        long after;
        try {
            after = key == null ? 0 : Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The cursor is not valid",
                    new Problem.FieldError("cursor", "is not a cursor this API issued"));
        }
        List<LedgerEntry> rows = LedgerEntry.<LedgerEntry>find("seq > ?1", Sort.by("seq"), after).range(0, limit).list();
        return Page.of(rows, limit, e -> Long.toString(e.seq));
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER})
    @Operation(summary = "Verify the entries since the last checkpoint and sign a new checkpoint (size + head hash)")
    @APIResponseSchema(value = Checkpoint.class, responseCode = "201", responseDescription = "The checkpoint, signed")
    public Response checkpoint() throws SQLException {
        Checkpoint cp = checkpoints.create();
        return Response.created(URI.create("/ledger/checkpoints/" + cp.id)).entity(cp).build();
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public Page<Checkpoint> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                 @QueryParam("cursor") String cursor) {
        return Page.of(Checkpoint.page(Cursors.decode(cursor), limit + 1), limit, cp -> Cursors.key(cp.signedAt, cp.id));
    }

    @GET
    @Path("/checkpoints/latest")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public Checkpoint latest() {
        return Checkpoint.latest().orElseThrow(() -> ProblemException.notFound("A checkpoint"));
    }

    @GET
    @Path("/checkpoints/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public Checkpoint get(@PathParam("id") UUID id) {
        return Checkpoint.<Checkpoint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Checkpoint " + id));
    }

    @GET
    @Path("/public-key")
    @PermitAll
    @SecurityRequirement(name = "none")
    @Operation(summary = "The Ed25519 key that signs checkpoints: raw (base64), X.509 SPKI (base64) and PEM")
    public PublicKey publicKey() {
        String spki = Base64.getEncoder().encodeToString(signer.spki());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + spki + "\n-----END PUBLIC KEY-----\n";
        return new PublicKey("Ed25519", signer.keyId(), Base64.getEncoder().encodeToString(signer.publicKey()), spki,
                pem, signer.ephemeral(), "UTF-8 bytes of a checkpoint's statement; and checkpoint notes (C2SP signed-note)",
                signer.noteKey().name(), signer.noteKey().verifierKey());
    }

    @GET
    @Path("/note-verifier-key")
    @PermitAll
    @SecurityRequirement(name = "none")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The checkpoint notes' verifier key (C2SP signed-note): name+keyid+base64(0x01 || Ed25519 key)")
    public Response noteVerifierKey() {
        return Response.ok(signer.noteKey().verifierKey() + "\n", TEXT).build();
    }

    @GET
    @Path("/checkpoint")
    @PermitAll
    @SecurityRequirement(name = "none")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest signed checkpoint as a C2SP tlog-checkpoint note (origin, size, base64 RFC 9162 root)")
    public Response checkpointNote() {
        Checkpoint cp = Checkpoint.latestNote().orElseThrow(() -> ProblemException.notFound("A signed checkpoint note"));
        return Response.ok(cp.note, TEXT).build();
    }

    @GET
    @Path("/proof/inclusion")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "RFC 9162 inclusion proof of the entry at a 0-based index (seq - 1) in the tree of a size (default: all)")
    public Proofs.Inclusion inclusion(@QueryParam("index") @NotNull @Min(0) Long index,
                                      @QueryParam("size") @Min(1) Long size) throws SQLException {
        return proofs.inclusion(index, size == null ? proofs.size() : size);
    }

    @GET
    @Path("/proof/consistency")
    @PermitAll
    @SecurityRequirement(name = "none")
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes (hashes only: public, for witnesses)")
    public Proofs.Consistency consistency(@QueryParam("old") @NotNull @Min(0) Long oldSize,
                                          @QueryParam("new") @NotNull @Min(0) Long newSize) throws SQLException {
        return proofs.consistency(oldSize, newSize);
    }

    @GET
    @Path("/proof/bundle")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A C2SP tlog-proof for the entry at a 0-based index: entry (extra line), path, signed checkpoint")
    public Response bundle(@QueryParam("index") @NotNull @Min(0) Long index) throws SQLException {
        return Response.ok(bundles.bundle(index), TEXT).build();
    }

    @GET
    @Path("/export")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Every entry's leaf data in order, one canonical JSON line each (no personal data): recompute the root")
    public Response export() {
        // plain JDBC cursor (autocommit off so the driver streams): the whole ledger, row by row, never in memory
        StreamingOutput body = out -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("select " + TreeStore.LEAF_COLUMNS
                        + " from ledger_entry where seq <= (select seq from chain_head where id = 1) order by seq")) {
                    ps.setFetchSize(1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        while (rs.next()) {
                            w.write(TreeStore.leafOf(rs).json());
                            w.write('\n');
                        }
                        w.flush();
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new java.io.IOException("ledger export failed", e);
            }
        };
        return Response.ok(body, TEXT).build();
    }
}
