package dev.steward.disclosure.record;

import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disclosure records: written by legal, read by legal, privacy officers and auditors. Never edited. */
@Path("/disclosures")
@Tag(name = "Disclosures")
public class DisclosureResource {

    private final DisclosureService service;
    private final DisclosureRepository repository;
    private final Caller caller;
    private final Clock clock;
    private final AgroalDataSource db;

    public DisclosureResource(DisclosureService service, DisclosureRepository repository, Caller caller, Clock clock,
                              AgroalDataSource db) {
        this.service = service;
        this.repository = repository;
        this.caller = caller;
        this.clock = clock;
        this.db = db;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Record a disclosure (or a correction of one); answered once durable in the ledger")
    public Response record(@Valid @NotNull NewDisclosure disclosure) throws SQLException {
        DisclosureService.Recorded done = service.record(disclosure, caller.id(), caller.name());
        DisclosureRecord r = done.record();
        DisclosureView view = DisclosureView.of(r, LocalDate.now(clock), List.of(),
                new DisclosureView.Ledger(done.receipt().seq(), done.receipt().hash(), r.digest()));
        return Response.created(URI.create("/disclosures/" + r.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public DisclosureView get(@PathParam("id") UUID id) throws SQLException {
        DisclosureRepository.Stored s = repository.find(id)
                .orElseThrow(() -> ProblemException.notFound("Disclosure " + id));
        return view(s);
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Disclosures, newest first; optionally those naming one subject (org, kind and id together)")
    public Page<DisclosureView> list(@QueryParam("org") String org, @QueryParam("kind") SubjectRef.Kind kind,
                                     @QueryParam("id") String subjectId,
                                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @QueryParam("cursor") String cursor) throws SQLException {
        SubjectRef subject = null;
        if (org != null || kind != null || subjectId != null) {
            if (org == null || kind == null || subjectId == null) {
                throw ProblemException.badRequest("Give org, kind and id together to filter by subject",
                        new Problem.FieldError(org == null ? "org" : kind == null ? "kind" : "id", "is required with the others"));
            }
            subject = new SubjectRef(org, kind, subjectId);
        }
        Cursors.Key after = Cursors.decode(cursor);
        List<DisclosureRepository.Stored> rows = repository.page(subject, after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1);
        List<DisclosureView> views = new ArrayList<>(rows.size());
        for (DisclosureRepository.Stored s : rows) {
            views.add(view(s));
        }
        return Page.of(views, limit, v -> Cursors.key(v.recordedAt(), v.id()));
    }

    private DisclosureView view(DisclosureRepository.Stored s) throws SQLException {
        String hash = null;
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select hash from ledger_entry where seq = ?")) {
            ps.setLong(1, s.ledgerSeq());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                }
            }
        }
        DisclosureRecord r = s.record();
        return DisclosureView.of(r, LocalDate.now(clock), repository.correctedBy(r.id()),
                new DisclosureView.Ledger(s.ledgerSeq(), hash, r.digest()));
    }
}
