package dev.steward.request.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Deadlines;
import dev.steward.request.execution.Step;
import dev.steward.request.execution.StepStore;
import dev.steward.request.intake.Intake;
import dev.steward.request.store.Db;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What people do to a request after intake; each action is one transaction on the locked row. */
@ApplicationScoped
public class Actions {

    @Inject
    Db db;
    @Inject
    RequestRepository repo;
    @Inject
    StepStore steps;
    @Inject
    Lifecycle lifecycle;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    /** The request if the caller may see it; 404 otherwise (existence is never revealed). */
    public static boolean visibleTo(RequestRecord r, Caller caller) {
        if (caller.is(Roles.PRIVACY_OFFICER)) {
            return true;
        }
        if (caller.is(Roles.CLIENT_ADMIN) && caller.org().map(o -> o.equals(r.subject().org())).orElse(false)
                && !SubjectRef.PROVIDER_ORG.equals(r.subject().org())) {
            return true;
        }
        return caller.is(Roles.CUSTOMER)
                && r.subject().equals(new SubjectRef(SubjectRef.PROVIDER_ORG, SubjectRef.Kind.ACCOUNT, caller.id()));
    }

    public RequestRecord visible(Connection c, UUID id, Caller caller, boolean lock) throws SQLException {
        RequestRecord r = (lock ? repo.lock(c, id) : repo.find(c, id))
                .orElseThrow(() -> ProblemException.notFound("Request " + id));
        if (!visibleTo(r, caller)) {
            throw ProblemException.notFound("Request " + id);
        }
        return r;
    }

    public RequestRecord approve(UUID id, Caller officer, String note) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            if (r.status() != RequestStatus.PENDING_VERIFICATION) {
                Transitions.require(r.status(), RequestStatus.VERIFIED);
                throw ProblemException.conflict("not-pending", "Not pending verification",
                        "Only a request pending verification can be approved");
            }
            r = lifecycle.move(c, r, RequestStatus.VERIFIED, officer.name(), null,
                    "identity verified by privacy officer" + suffix(note));
            return lifecycle.begin(c, r);
        });
    }

    public RequestRecord deny(UUID id, Caller officer, DenialReason reason, String note) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            return lifecycle.move(c, r, RequestStatus.DENIED, officer.name(), reason, note);
        });
    }

    /** Officers cancel any open request; customers and client-admins their own (else 404). */
    public RequestRecord cancel(UUID id, Caller caller, String note) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, caller, true);
            return lifecycle.move(c, r, RequestStatus.CANCELLED, caller.name(), null,
                    "cancelled by " + (caller.is(Roles.PRIVACY_OFFICER) ? "privacy officer" : "the requester") + suffix(note));
        });
    }

    /**
     * FAILED → IN_PROGRESS, resuming at the first step without persisted progress; or an erasure
     * DENIED under a legal hold → IN_PROGRESS with holds checked afresh (after the release).
     */
    public RequestRecord retry(UUID id, Caller officer, String note) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            if (r.status() == RequestStatus.DENIED) {
                if (r.denialReason() != DenialReason.LEGAL_HOLD || r.type() != RequestType.ERASURE) {
                    throw ProblemException.conflict("invalid-transition", "Not possible in this status",
                            "Only an erasure denied under a legal hold can be retried (after the hold is released)");
                }
                steps.forget(c, id, Step.CHECK_HOLDS);
                repo.setOutcome(c, id, null);
            } else {
                Transitions.require(r.status(), RequestStatus.IN_PROGRESS);
                if (r.status() != RequestStatus.FAILED) {
                    throw ProblemException.conflict("invalid-transition", "Not possible in this status",
                            "Only a FAILED request (or an erasure denied under a hold) can be retried");
                }
            }
            repo.nextRound(c, id);
            r = repo.find(c, id).orElseThrow();
            r = lifecycle.move(c, r, RequestStatus.IN_PROGRESS, officer.name(), null, "retried" + suffix(note));
            lifecycle.scheduleNext(c, r);
            return r;
        });
    }

    /** One extension per request, with a reason, up to the jurisdiction's maximum. */
    public RequestRecord extend(UUID id, Caller officer, Integer days, String reason) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            if (!r.status().isOpen()) {
                throw ProblemException.conflict("not-open", "Request answered", "Only an open request can be extended");
            }
            if (r.extendedDays() != null) {
                throw ProblemException.conflict("already-extended", "Already extended",
                        "The deadline of a request can be extended once; it was extended by " + r.extendedDays() + " days");
            }
            int d = days == null ? deadlines.maxExtensionDays(r.jurisdiction()) : days;
            Instant due = deadlines.extendedDueAt(r.jurisdiction(), r.originalDueAt(), d);
            Instant now = clock.instant();
            repo.setExtension(c, id, d, reason, due, now);
            repo.insertEvent(c, id, r.status(), r.status(), officer.name(), now, null,
                    "deadline extended by " + d + " days to " + due + ": " + reason);
            return repo.find(c, id).orElseThrow();
        });
    }

    public void note(UUID id, Caller officer, String text) {
        db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            requireComplaint(r);
            try (PreparedStatement ps = c.prepareStatement("insert into dsr_note (request_id, author, at, text) values (?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, officer.name());
                ps.setTimestamp(3, RequestRepository.ts(clock.instant()));
                ps.setString(4, text);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public RequestRecord resolve(UUID id, Caller officer, String resolution) {
        return db.tx(c -> {
            RequestRecord r = visible(c, id, officer, true);
            requireComplaint(r);
            repo.setOutcome(c, id, json.createObjectNode().put("resolution", resolution).put("resolvedBy", officer.name()));
            return lifecycle.move(c, r, RequestStatus.COMPLETED, officer.name(), null, "complaint resolved (§13)");
        });
    }

    private static void requireComplaint(RequestRecord r) {
        if (r.type() != RequestType.COMPLAINT) {
            throw ProblemException.unprocessable("not-a-complaint", "Not a complaint",
                    "Notes and resolutions are for complaints (§13)", new Problem.FieldError("id", "is a " + r.type()));
        }
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : ": " + note;
    }
}
