package dev.steward.request.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Deadlines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What people do to a request after intake; each action is one transaction on the locked row. */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class Actions {

    private final Lifecycle lifecycle;
    private final StepPlan steps;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ObjectMapper json;

    public Actions(Lifecycle lifecycle, StepPlan steps, Deadlines deadlines, Clock clock, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.steps = steps;
        this.deadlines = deadlines;
        this.clock = clock;
        this.json = json;
    }

    /** Whether the caller may see the request (officers all; client-admins their org's end users; customers their own). */
    public static boolean visibleTo(Request r, Caller caller) {
        if (caller.is(Roles.PRIVACY_OFFICER)) {
            return true;
        }
        if (caller.is(Roles.CLIENT_ADMIN) && caller.org().map(o -> o.equals(r.subjectOrg)).orElse(false)
                && !SubjectRef.PROVIDER_ORG.equals(r.subjectOrg)) {
            return true;
        }
        return caller.is(Roles.CUSTOMER)
                && r.subject().equals(new SubjectRef(SubjectRef.PROVIDER_ORG, SubjectRef.Kind.ACCOUNT, caller.id()));
    }

    /** The request if the caller may see it; 404 otherwise (existence is never revealed). */
    public Request visible(UUID id, Caller caller, boolean lock) {
        Request r = (lock ? Request.lock(id) : Request.byId(id))
                .orElseThrow(() -> ProblemException.notFound("Request " + id));
        if (!visibleTo(r, caller)) {
            throw ProblemException.notFound("Request " + id);
        }
        return r;
    }

    public Request approve(UUID id, Caller officer, String note) {
        Request r = visible(id, officer, true);
        if (r.status != RequestStatus.PENDING_VERIFICATION) {
            Transitions.require(r.status, RequestStatus.VERIFIED);
            throw ProblemException.conflict("not-pending", "Not pending verification",
                    "Only a request pending verification can be approved");
        }
        lifecycle.move(r, RequestStatus.VERIFIED, officer.name(), null, "identity verified by privacy officer" + suffix(note));
        return lifecycle.begin(r);
    }

    public Request deny(UUID id, Caller officer, DenialReason reason, String note) {
        return lifecycle.move(visible(id, officer, true), RequestStatus.DENIED, officer.name(), reason, note);
    }

    /** Officers cancel any open request; customers and client-admins their own (else 404). */
    public Request cancel(UUID id, Caller caller, String note) {
        return lifecycle.move(visible(id, caller, true), RequestStatus.CANCELLED, caller.name(), null,
                "cancelled by " + (caller.is(Roles.PRIVACY_OFFICER) ? "privacy officer" : "the requester") + suffix(note));
    }

    /**
     * FAILED → IN_PROGRESS, resuming at the first step without persisted progress; or an erasure
     * DENIED under a legal hold → IN_PROGRESS with holds checked afresh (after the release).
     */
    public Request retry(UUID id, Caller officer, String note) {
        Request r = visible(id, officer, true);
        if (r.status == RequestStatus.DENIED) {
            if (r.denialReason != DenialReason.LEGAL_HOLD || r.type != RequestType.ERASURE) {
                throw ProblemException.conflict("invalid-transition", "Not possible in this status",
                        "Only an erasure denied under a legal hold can be retried (after the hold is released)");
            }
            steps.forgetHoldCheck(id);
            r.outcome = null;
        } else {
            Transitions.require(r.status, RequestStatus.IN_PROGRESS);
            if (r.status != RequestStatus.FAILED) {
                throw ProblemException.conflict("invalid-transition", "Not possible in this status",
                        "Only a FAILED request (or an erasure denied under a hold) can be retried");
            }
        }
        r.round++;
        lifecycle.move(r, RequestStatus.IN_PROGRESS, officer.name(), null, "retried" + suffix(note));
        steps.scheduleNext(r);
        return r;
    }

    /** One extension per request, with a reason, up to the jurisdiction's maximum. */
    public Request extend(UUID id, Caller officer, Integer days, String reason) {
        Request r = visible(id, officer, true);
        if (!r.status.isOpen()) {
            throw ProblemException.conflict("not-open", "Request answered", "Only an open request can be extended");
        }
        if (r.extendedDays != null) {
            throw ProblemException.conflict("already-extended", "Already extended",
                    "The deadline of a request can be extended once; it was extended by " + r.extendedDays + " days");
        }
        int d = days == null ? deadlines.maxExtensionDays(r.jurisdiction) : days;
        Instant due = deadlines.extendedDueAt(r.jurisdiction, r.originalDueAt, d);
        r.extendedDays = d;
        r.extensionReason = reason;
        r.dueAt = due;
        lifecycle.record(r, officer.name(), "deadline extended by " + d + " days to " + due + ": " + reason);
        return r;
    }

    public void note(UUID id, Caller officer, String text) {
        requireComplaint(visible(id, officer, true));
        ComplaintNote n = new ComplaintNote();
        n.requestId = id;
        n.author = officer.name();
        n.at = clock.instant();
        n.text = text;
        n.persist();
    }

    public Request resolve(UUID id, Caller officer, String resolution) {
        Request r = visible(id, officer, true);
        requireComplaint(r);
        r.outcome = json.createObjectNode().put("resolution", resolution).put("resolvedBy", officer.name());
        return lifecycle.move(r, RequestStatus.COMPLETED, officer.name(), null, "complaint resolved (§13)");
    }

    private static void requireComplaint(Request r) {
        if (r.type != RequestType.COMPLAINT) {
            throw ProblemException.unprocessable("not-a-complaint", "Not a complaint",
                    "Notes and resolutions are for complaints (§13)", new Problem.FieldError("id", "is a " + r.type));
        }
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : ": " + note;
    }
}
