package dev.steward.account.internal;

import dev.steward.account.account.AccountFields;
import dev.steward.account.account.AccountService;
import dev.steward.account.consent.ConsentService;
import dev.steward.account.consent.ConsentState;
import dev.steward.account.platform.db.Tx;
import dev.steward.account.platform.guard.CardNumbers;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The internal API request-service drives data-subject requests with (service role only). */
@Path("/internal/subjects/{org}/{kind}/{id}")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class InternalSubjectResource {

    public record Rectification(@NotBlank @Size(max = 128) String requestId,
                                @NotNull @Size(min = 1, max = 100) Map<String, @NotNull @Size(max = 4000) String> changes) {
    }

    public record Changed(List<String> changed) {
    }

    public record ErasureRequest(@NotBlank @Size(max = 128) String requestId) {
    }

    public record RestrictionRequest(@NotBlank @Size(max = 128) String requestId, @NotNull Boolean restricted) {
    }

    public record RestrictionResult(boolean restricted, Map<?, Boolean> consents) {
    }

    private final SubjectExporter exporter;
    private final ErasureService erasure;
    private final ConsentService consents;
    private final SubjectRepository subjects;
    private final AccountService accounts;
    private final AgroalDataSource db;

    public InternalSubjectResource(SubjectExporter exporter, ErasureService erasure, ConsentService consents,
                                   SubjectRepository subjects, AccountService accounts, AgroalDataSource db) {
        this.exporter = exporter;
        this.erasure = erasure;
        this.consents = consents;
        this.subjects = subjects;
        this.accounts = accounts;
        this.db = db;
    }

    /** Streamed JSON: fields with category, source, purpose, retention; access logs; consents; who looked. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id)
            throws SQLException {
        SubjectRef ref = ref(org, kind, id);
        if (!exporter.known(ref)) {
            throw ProblemException.notFound("Subject " + org + "/" + kind + "/" + id);
        }
        StreamingOutput body = out -> exporter.write(ref, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/rectification")
    public Changed rectify(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                           @Valid @NotNull Rectification body) throws SQLException {
        SubjectRef ref = ref(org, kind, id);
        CardNumbers.refuse(body);
        return Tx.run(db, c -> {
            long subjectId = subjects.findId(c, ref)
                    .orElseThrow(() -> ProblemException.notFound("Subject " + org + "/" + kind + "/" + id));
            Map<String, String> known = subjects.fieldCategories(c, subjectId);
            List<Problem.FieldError> errors = new ArrayList<>();
            for (String name : body.changes().keySet()) {
                boolean allowed = ref.kind() == SubjectRef.Kind.ACCOUNT
                        ? AccountFields.CATEGORIES.containsKey(name) : known.containsKey(name);
                if (!allowed) {
                    errors.add(new Problem.FieldError("changes." + name, "is not a field held for this subject"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("unknown-fields", "Unknown fields",
                        "Only fields held for the subject can be rectified; nothing was changed",
                        errors.toArray(Problem.FieldError[]::new));
            }
            if (ref.kind() == SubjectRef.Kind.ACCOUNT) {
                return new Changed(accounts.write(c, subjectId, ref.id(), body.changes()));
            }
            return new Changed(subjects.rectify(c, subjectId, body.changes()));
        });
    }

    @POST
    @Path("/erasure")
    public ErasureReceipt erase(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                                @Valid @NotNull ErasureRequest body) throws SQLException {
        return erasure.erase(ref(org, kind, id), body.requestId());
    }

    @POST
    @Path("/restriction")
    public RestrictionResult restrict(@PathParam("org") String org, @PathParam("kind") String kind,
                                      @PathParam("id") String id, @Valid @NotNull RestrictionRequest body)
            throws SQLException {
        ConsentState state = consents.restrict(ref(org, kind, id), body.restricted(), body.requestId());
        return new RestrictionResult(state.restricted(), state.purposes());
    }

    @GET
    @Path("/consents")
    public ConsentState consents(@PathParam("org") String org, @PathParam("kind") String kind,
                                 @PathParam("id") String id) throws SQLException {
        return consents.state(ref(org, kind, id));
    }

    static SubjectRef ref(String org, String kind, String id) {
        SubjectRef.Kind k;
        try {
            k = SubjectRef.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind must be ACCOUNT, END_USER or VISITOR",
                    new Problem.FieldError("kind", "must be ACCOUNT, END_USER or VISITOR"));
        }
        if (org.length() > 64 || id.length() > 128) {
            throw ProblemException.badRequest("org or id too long");
        }
        return new SubjectRef(org, k, id);
    }
}
