package dev.steward.disclosure.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.disclosure.platform.Digests;
import dev.steward.disclosure.platform.Jcs;
import dev.steward.platform.problem.Problem.FieldError;
import dev.steward.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Four eyes for real on a direct disclosure: the approval is a separate action by a second legal
 * user signed in as themselves, bound to the exact disclosure (the digest of its JSON without the
 * approval fields), and used once — by a recorder who is not the approver.
 */
@ApplicationScoped
public class Approvals {

    static final String BY_RECORDER = "was given by the person recording the disclosure: a second legal user must approve (four eyes)";

    private final ObjectMapper json;
    private final Clock clock;

    public Approvals(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The approving user's action: stores the approval of exactly this disclosure. */
    public DisclosureApproval.View approve(NewDisclosure disclosure, String approverId, String approverName) {
        DisclosureApproval a = new DisclosureApproval();
        a.id = UUID.randomUUID();
        a.approvedBy = approverName;
        a.approvedById = approverId;
        a.approvedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        a.contentDigest = digest(disclosure);
        a.persist();
        return a.view();
    }

    public DisclosureApproval.View get(UUID id) {
        return DisclosureApproval.<DisclosureApproval>findByIdOptional(id).map(DisclosureApproval::view)
                .orElseThrow(() -> ProblemException.notFound("Approval " + id));
    }

    /**
     * Uses the approval the disclosure names, in the caller's transaction (rolled back with it);
     * answers the approver's name. 422 naming {@code approval} when it does not fit.
     */
    String use(NewDisclosure disclosure, String recorderId) {
        DisclosureApproval a = DisclosureApproval.<DisclosureApproval>findByIdOptional(disclosure.approval(),
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> refused("names no approval"));
        if (a.approvedById.toLowerCase(Locale.ROOT).equals(recorderId.toLowerCase(Locale.ROOT))) {
            throw refused(BY_RECORDER);
        }
        if (a.usedAt != null) {
            throw refused("was used for another disclosure already");
        }
        if (!a.contentDigest.equals(digest(disclosure))) {
            throw refused("approves a different disclosure: approve this one as it is to be recorded");
        }
        a.usedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return a.approvedBy;
    }

    /** SHA-256 of the disclosure's canonical JSON, without {@code approval} and {@code approver}. */
    String digest(NewDisclosure disclosure) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new TreeMap<>(json.convertValue(disclosure, Map.class));
        body.remove("approval");
        body.remove("approver");
        return Digests.sha256Hex(Jcs.bytes(body));
    }

    static ProblemException refused(String why) {
        return ProblemException.unprocessable("four-eyes", "Approval by a second person required",
                "The approval " + why, new FieldError("approval", why));
    }
}
