package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.request.deadline.Deadlines;
import dev.steward.request.execution.StepStore;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.store.Db;
import dev.steward.request.store.RequestRecord;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists (keyset-paged, scoped to what the caller may see) and the full view of one request. */
@ApplicationScoped
public class RequestQueries {

    @Inject
    Db db;
    @Inject
    RequestRepository repo;
    @Inject
    StepStore steps;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    public Page<RequestView> list(Caller caller, RequestStatus status, String view, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("select " + RequestRepository.COLUMNS + " from dsr_request where true");
        List<Object> args = new ArrayList<>();
        if (!caller.is(Roles.PRIVACY_OFFICER)) {
            if (caller.is(Roles.CLIENT_ADMIN) && caller.org().isPresent()) {
                sql.append(" and subject_org = ? and subject_org <> ?");
                args.add(caller.org().get());
                args.add(SubjectRef.PROVIDER_ORG);
            } else {
                sql.append(" and subject_org = ? and subject_kind = 'ACCOUNT' and subject_id = ?");
                args.add(SubjectRef.PROVIDER_ORG);
                args.add(caller.id());
            }
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        Instant now = clock.instant();
        boolean byDue = view != null;
        if (view != null) {
            sql.append(" and status in ").append(RequestStatus.OPEN_SQL);
            switch (view) {
                case "overdue" -> {
                    sql.append(" and due_at < ?");
                    args.add(now);
                }
                case "due-soon" -> {
                    sql.append(" and due_at >= ? and due_at < ?");
                    args.add(now);
                    args.add(now.plus(Duration.ofDays(deadlines.dueSoonDays())));
                }
                default -> throw ProblemException.badRequest("Unknown view",
                        new Problem.FieldError("view", "must be overdue or due-soon"));
            }
        }
        String key = Page.decode(cursor);
        if (key != null) {
            String[] parts = key.split("\\|", 2);
            try {
                Instant at = Instant.parse(parts[0]);
                UUID id = UUID.fromString(parts[1]);
                sql.append(byDue ? " and (due_at, id) > (?, ?)" : " and (received_at, id) < (?, ?)");
                args.add(at);
                args.add(id);
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("The cursor is not valid",
                        new Problem.FieldError("cursor", "is not a cursor this API issued"));
            }
        }
        sql.append(byDue ? " order by due_at, id" : " order by received_at desc, id desc").append(" limit ?");
        args.add(limit + 1);
        List<RequestRecord> rows = db.read(c -> repo.list(c, sql.toString(), args.toArray()));
        Page<RequestRecord> page = Page.of(rows, limit,
                r -> (byDue ? r.dueAt() : r.receivedAt()).toString() + "|" + r.id());
        return new Page<>(page.items().stream().map(r -> view(r, null, null, null)).toList(), page.next());
    }

    public RequestView full(Connection c, RequestRecord r, boolean officer) throws SQLException {
        List<RequestView.Note> notes = null;
        if (officer) {
            notes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select author, at, text from dsr_note where request_id = ? order by id")) {
                ps.setObject(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        notes.add(new RequestView.Note(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
                    }
                }
            }
        }
        return view(r, repo.events(c, r.id()), steps.logs(c, r.id()), notes);
    }

    public RequestView view(RequestRecord r, List<RequestRepository.Event> events, List<StepStore.LogEntry> logs,
                            List<RequestView.Note> notes) {
        Instant now = clock.instant();
        boolean open = r.status().isOpen();
        Long daysLeft = open ? Deadlines.daysLeft(r.dueAt(), now) : null;
        boolean overdue = open ? now.isAfter(r.dueAt())
                : r.respondedAt() != null && r.respondedAt().isAfter(r.dueAt());
        RequestView.Acknowledgement ack = new RequestView.Acknowledgement(r.acknowledgedAt(), r.ackDueAt(),
                r.ackDueAt() == null || r.acknowledgedAt() == null ? null : !r.acknowledgedAt().isAfter(r.ackDueAt()));
        RequestView.Extension ext = r.extendedDays() == null ? null
                : new RequestView.Extension(r.extendedDays(), r.extensionReason());
        return new RequestView(r.id(), r.type(), r.subject(), r.status(), r.manner(), r.jurisdiction(), r.submittedBy(),
                r.receivedAt(), r.dueAt(), r.originalDueAt(), daysLeft, overdue, ext, ack, r.respondedAt(),
                r.denialReason(), r.outcome(), events, logs, notes);
    }
}
