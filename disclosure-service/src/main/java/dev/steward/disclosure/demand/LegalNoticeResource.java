package dev.steward.disclosure.demand;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notices to Client orgs that are due or overdue and not yet acknowledged (SCC Clause 15.1(a)). */
@Path("/legal-notices")
@Tag(name = "Legal demands")
public class LegalNoticeResource {

    /** The list, emergencies first, oldest due first; at most {@code limit} rows. */
    public record NoticeList(String view, List<Notices.Due> items) {
    }

    private final Notices notices;

    public LegalNoticeResource(Notices notices) {
        this.notices = notices;
    }

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Notices to Client orgs due (view=due, the default) or overdue (view=overdue) and not yet acknowledged")
    public NoticeList list(@QueryParam("view") @DefaultValue("due") String view,
                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) throws SQLException {
        if (!view.equals("due") && !view.equals("overdue")) {
            throw ProblemException.badRequest("Unknown view", new Problem.FieldError("view", "must be due or overdue"));
        }
        return new NoticeList(view, notices.due(view.equals("overdue"), limit));
    }
}
