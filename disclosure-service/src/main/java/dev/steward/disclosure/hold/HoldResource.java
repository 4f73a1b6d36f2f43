package dev.steward.disclosure.hold;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.ledger.RequestKeys;
import dev.steward.platform.idempotency.IdempotentPosts;
import jakarta.ws.rs.HeaderParam;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;

/**
 * Legal holds (§8 b, c): placed and released by legal, read by legal, privacy officers and
 * auditors. Placing and releasing are ledger entries; their rows are written with the entry by
 * the group commit, so the answer comes once both are durable.
 */
@Path("/holds")
@Tag(name = "Legal holds", description = "Legal holds on a subject or an organisation, placed and released as ledger entries; active holds block erasure (§8 b, c)")
@Transactional
public class HoldResource {

    private final Caller caller;
    private final Clock clock;
    private final LedgerWriter ledger;
    private final HoldLedger holdLedger;
    private final IdempotentPosts idempotentPosts;
    private final RequestKeys requestKeys;

    public HoldResource(Caller caller, Clock clock, LedgerWriter ledger, HoldLedger holdLedger,
                        IdempotentPosts idempotentPosts, RequestKeys requestKeys) {
        this.idempotentPosts = idempotentPosts;
        this.requestKeys = requestKeys;
        this.caller = caller;
        this.clock = clock;
        this.ledger = ledger;
        this.holdLedger = holdLedger;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Place a legal hold on a data subject or a whole organisation")
    @APIResponseSchema(value = Hold.class, responseCode = "201", responseDescription = "The hold, placed and in the ledger")
    public Response place(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @Valid @NotNull NewHold hold)
            throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, hold, () -> keyed(idempotencyKey, hold, key -> {
            LegalHold placed = hold.place(caller.name(), now());
            ledger.appendAndWait(requestKeys.keyed(holdLedger.placed(placed), key)); // the row goes in with its entry
            return created(Hold.of(placed));
        }, earlier -> created(get(earlier))));
    }

    private static Response created(Hold h) {
        return Response.created(URI.create("/holds/" + h.id())).entity(h).build();
    }

    private Response keyed(String header, Object body, Function<RequestKeys.Key, Response> append,
                           Function<UUID, Response> replay) {
        return requestKeys.once(requestKeys.key(caller.id(), header, body), append, replay);
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Release a legal hold, with the reason; the hold and its release stay in the history")
    public Response release(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                            @Valid @NotNull Release release) throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, release, () -> keyed(idempotencyKey,
                Map.of("hold", id.toString(), "release", release), key -> Response.ok(release(id, release, key)).build(),
                earlier -> Response.ok(get(earlier)).build()));
    }

    private Hold release(UUID id, Release release, RequestKeys.Key key) {
        LegalHold hold = LegalHold.byId(id).orElseThrow(() -> ProblemException.notFound("Legal hold " + id));
        ProblemException released = ProblemException.conflict("hold-already-released", "Hold already released",
                "Legal hold " + id + " was already released; its release stays as recorded");
        if (hold.release != null) {
            throw released;
        }
        HoldRelease r = new HoldRelease();
        r.holdId = id;
        r.hold = hold;
        r.reason = release.reason();
        r.releasedBy = caller.name();
        r.releasedAt = now();
        try {
            ledger.appendAndWait(requestKeys.keyed(holdLedger.released(id, r), key)); // the row goes in with its entry
        } catch (LedgerWriter.DuplicateEntry e) {
            throw released; // the key (hold_id) keeps the first of two concurrent releases
        }
        hold.release = r;
        return Hold.of(hold);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public Hold get(@PathParam("id") UUID id) {
        return LegalHold.byId(id).map(Hold::of).orElseThrow(() -> ProblemException.notFound("Legal hold " + id));
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Holds, newest first: all of them (the history), or only active or released ones")
    public Page<Hold> list(@QueryParam("active") Boolean active,
                           @QueryParam("org") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String org,
                           @QueryParam("kind") SubjectRef.Kind kind,
                           @QueryParam("id") String subjectId,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                           @QueryParam("cursor") String cursor) {
        return Page.of(LegalHold.page(active, org, kind, subjectId, Cursors.decode(cursor), limit + 1).stream()
                .map(Hold::of).toList(), limit, h -> Cursors.key(h.placedAt(), h.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
