package dev.steward.account.rectification;

import dev.steward.account.account.AccountFields;
import dev.steward.account.account.AccountService;
import dev.steward.account.subject.SubjectPath;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rectification (§8) of the fields held for a subject, driven by request-service (service role only).
 * JDBC (joining the transaction): the new values are encrypted under the subject's key and written as a set.
 */
@Path("/internal/subjects/{org}/{kind}/{id}/rectification")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class RectificationResource {

    public record Rectification(@NotBlank @Size(max = 128) String requestId,
                                @NotNull @Size(min = 1, max = 100) Map<String, @NotNull @Size(max = 4000) String> changes) {
    }

    public record Changed(List<String> changed) {
    }

    private final SubjectRepository subjects;
    private final AccountService accounts;
    private final AgroalDataSource db;

    public RectificationResource(SubjectRepository subjects, AccountService accounts, AgroalDataSource db) {
        this.subjects = subjects;
        this.accounts = accounts;
        this.db = db;
    }

    @POST
    @Transactional(rollbackOn = Exception.class)
    public Changed rectify(@PathParam("org") String org, @PathParam("kind") String kind, @PathParam("id") String id,
                           @Valid @NotNull Rectification body) throws SQLException {
        SubjectRef ref = SubjectPath.parse(org, kind, id);
        try (Connection c = db.getConnection()) {
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
        }
    }
}
