package dev.steward.disclosure.record;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.steward.disclosure.ledger.ProofBundles;
import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.platform.idempotency.IdempotentPosts;
import jakarta.ws.rs.HeaderParam;
import java.sql.SQLException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disclosure records: written by legal, read by legal, privacy officers and auditors. Never edited. */
@Path("/disclosures")
@Tag(name = "Disclosures", description = "Disclosures of personal data to law enforcement, regulators and third parties, recorded in the ledger and never edited (§5, §8)")
public class DisclosureResource {

    private final DisclosureService service;
    private final Caller caller;
    private final Clock clock;
    private final ProofBundles bundles;
    private final IdempotentPosts idempotentPosts;
    private final RequestKeys requestKeys;

    public DisclosureResource(DisclosureService service, Caller caller, Clock clock, ProofBundles bundles,
                              IdempotentPosts idempotentPosts, RequestKeys requestKeys) {
        this.idempotentPosts = idempotentPosts;
        this.requestKeys = requestKeys;
        this.service = service;
        this.bundles = bundles;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Record a disclosure (or a correction of one); answered once durable in the ledger")
    @APIResponseSchema(value = DisclosureView.class, responseCode = "201", responseDescription = "The disclosure, durable in the ledger (a retry with the same Idempotency-Key: the same one)")
    public Response record(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey,
                           @Valid @NotNull NewDisclosure disclosure) throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, disclosure, () -> requestKeys.once(
                requestKeys.key(caller.id(), idempotencyKey, disclosure), key -> {
                    DisclosureService.Recorded done = service.record(disclosure, caller.id(), caller.name(), key);
                    DisclosureRecord r = done.record();
                    return created(DisclosureView.of(r, LocalDate.now(clock), List.of(),
                            DisclosureView.Ledger.of(done.receipt().seq(), done.receipt().hash(), r.digest())));
                }, earlier -> created(get(earlier)))); // recorded before, its answer lost: the same disclosure
    }

    private static Response created(DisclosureView view) {
        return Response.created(URI.create("/disclosures/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public DisclosureView get(@PathParam("id") UUID id) {
        return view(Disclosure.byId(id).orElseThrow(() -> ProblemException.notFound("Disclosure " + id)));
    }

    @GET
    @Path("/{id}/proof")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A C2SP tlog-proof that this disclosure's entry is in the signed ledger: check it offline with ledger-verifier")
    public Response proof(@PathParam("id") UUID id) throws SQLException {
        Disclosure d = Disclosure.byId(id).orElseThrow(() -> ProblemException.notFound("Disclosure " + id));
        return Response.ok(bundles.bundle(d.ledgerSeq - 1), MediaType.TEXT_PLAIN + ";charset=utf-8").build();
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Disclosures, newest first; optionally those naming one subject (org, kind and id together)")
    public Page<DisclosureView> list(@QueryParam("org") String org, @QueryParam("kind") SubjectRef.Kind kind,
                                     @QueryParam("id") String subjectId,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @QueryParam("cursor") String cursor) {
        SubjectRef subject = null;
        if (org != null || kind != null || subjectId != null) {
            if (org == null || kind == null || subjectId == null) {
                throw ProblemException.badRequest("Give org, kind and id together to filter by subject",
                        new Problem.FieldError(org == null ? "org" : kind == null ? "kind" : "id", "is required with the others"));
            }
            subject = new SubjectRef(org, kind, subjectId);
        }
        List<DisclosureView> views = Disclosure.page(subject, Cursors.decode(cursor), limit + 1).stream()
                .map(this::view).toList();
        return Page.of(views, limit, v -> Cursors.key(v.recordedAt(), v.id()));
    }

    private DisclosureView view(Disclosure d) {
        DisclosureRecord r = d.toRecord();
        return DisclosureView.of(r, LocalDate.now(clock), d.correctedBy.stream().map(c -> c.id).toList(),
                DisclosureView.Ledger.of(d.ledgerSeq, d.entry == null ? null : d.entry.hash, r.digest()));
    }
}
