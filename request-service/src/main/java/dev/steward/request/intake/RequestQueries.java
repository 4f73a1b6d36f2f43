package dev.steward.request.intake;

import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Deadlines;
import dev.steward.request.lifecycle.ComplaintNote;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestEvent;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.steps.StepLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists (keyset-paged, scoped to what the caller may see) and the full view of one request. */
@ApplicationScoped
public class RequestQueries {

    private final Deadlines deadlines;
    private final Clock clock;

    public RequestQueries(Deadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The queue: {@code filter}'s conditions, scoped to what the caller may see, in {@code filter}'s order,
     * keyset-paged on (sort column, id). A cursor carries the filter's fingerprint and the sort, so a
     * cursor from another list (other filters or sort) is a 400 naming {@code cursor}.
     */
    public Page<RequestView> list(Caller caller, QueueFilter filter, int limit, String cursor) {
        List<String> where = new ArrayList<>();
        Parameters args = new Parameters();
        if (!caller.is(Roles.PRIVACY_OFFICER)) {
            if (caller.is(Roles.CLIENT_ADMIN) && caller.org().isPresent()) {
                where.add("subjectOrg = :callerOrg and subjectOrg <> :provider");
                args.and("callerOrg", caller.org().get());
            } else {
                where.add("subjectOrg = :provider and subjectKind = :account and subjectId = :self");
                args.and("account", SubjectRef.Kind.ACCOUNT).and("self", caller.id());
            }
            args.and("provider", SubjectRef.PROVIDER_ORG);
        }
        if (filter.status() != null) {
            where.add("status = :status");
            args.and("status", filter.status());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            args.and("type", filter.type());
        }
        if (filter.jurisdiction() != null) {
            where.add("jurisdiction = :jurisdiction");
            args.and("jurisdiction", filter.jurisdiction());
        }
        if (filter.receivedFrom() != null) {
            where.add("receivedAt >= :from");
            args.and("from", filter.receivedFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.receivedTo() != null) { // inclusive: up to the end of that day (UTC)
            where.add("receivedAt < :to");
            args.and("to", filter.receivedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.subjectId() != null) {
            where.add("subjectId = :subjectId");
            args.and("subjectId", filter.subjectId());
        }
        if (filter.org() != null) {
            where.add("subjectOrg = :org");
            args.and("org", filter.org());
        }
        Instant now = clock.instant();
        if (filter.view() != null) {
            where.add("status in :open");
            args.and("open", RequestStatus.OPEN).and("now", now);
            if (filter.view().equals("overdue")) {
                where.add("dueAt < :now");
            } else {
                where.add("dueAt >= :now and dueAt < :soon");
                args.and("soon", now.plus(Duration.ofDays(deadlines.dueSoonDays())));
            }
        }
        QueueFilter.Sort sort = filter.sort();
        String column = sort.column();
        String fingerprint = filter.fingerprint();
        String key = Page.decode(cursor);
        if (key != null) {
            String[] parts = key.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(fingerprint)) {
                throw ProblemException.badRequest("The cursor belongs to another list (other filters or sort)",
                        new Problem.FieldError("cursor", "is only valid with the filters and sort it came with"));
            }
            try {
                args.and("at", Instant.parse(parts[1])).and("id", UUID.fromString(parts[2]));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badRequest("The cursor is not valid",
                        new Problem.FieldError("cursor", "is not a cursor this API issued"));
            }
            where.add("(" + column + ", id) " + (sort.descending() ? "<" : ">") + " (:at, :id)");
        }
        String direction = sort.descending() ? " desc" : "";
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where))
                + " order by " + column + direction + ", id" + direction;
        List<Request> rows = Request.<Request>find("from Request " + query, args).range(0, limit).list();
        Page<Request> page = Page.of(rows, limit,
                r -> fingerprint + "|" + (sort.column().equals("dueAt") ? r.dueAt : r.receivedAt) + "|" + r.id);
        return new Page<>(page.items().stream().map(r -> view(r, null, null, null)).toList(), page.next());
    }

    public RequestView full(Request r, boolean officer) {
        List<RequestView.Note> notes = officer ? ComplaintNote.of(r.id).stream()
                .map(n -> new RequestView.Note(n.author, n.at, n.text)).toList() : null;
        List<RequestView.Event> events = RequestEvent.of(r.id).stream()
                .map(e -> new RequestView.Event(e.id, e.from, e.to, e.actor, e.at, e.reasonCode, e.note)).toList();
        List<RequestView.LogEntry> logs = StepLog.of(r.id).stream()
                .map(l -> new RequestView.LogEntry(l.step, l.attempt, l.startedAt, l.finishedAt, l.outcome, l.detail)).toList();
        return view(r, events, logs, notes);
    }

    public RequestView view(Request r, List<RequestView.Event> events, List<RequestView.LogEntry> logs,
                            List<RequestView.Note> notes) {
        Instant now = clock.instant();
        boolean open = r.status.isOpen();
        Long daysLeft = open ? Deadlines.daysLeft(r.dueAt, now) : null;
        boolean overdue = open ? now.isAfter(r.dueAt) : r.respondedAt != null && r.respondedAt.isAfter(r.dueAt);
        RequestView.Acknowledgement ack = new RequestView.Acknowledgement(r.acknowledgedAt, r.ackDueAt,
                r.ackDueAt == null || r.acknowledgedAt == null ? null : !r.acknowledgedAt.isAfter(r.ackDueAt));
        RequestView.Extension ext = r.extendedDays == null ? null : new RequestView.Extension(r.extendedDays, r.extensionReason);
        return new RequestView(r.id, r.type, r.subject(), r.status, r.manner, r.jurisdiction, r.submittedBy, r.receivedAt,
                r.dueAt, r.originalDueAt, daysLeft, overdue, ext, ack, r.respondedAt, r.denialReason, r.outcome, events,
                logs, notes);
    }
}
