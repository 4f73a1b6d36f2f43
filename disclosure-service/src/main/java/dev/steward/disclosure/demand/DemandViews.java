package dev.steward.disclosure.demand;

import dev.steward.disclosure.hold.CaseHolds;
import dev.steward.disclosure.ledger.LedgerEntry;
import dev.steward.platform.paging.Page;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Reads demands: one with its events, or a page of them, emergencies first, then by response due date. */
@ApplicationScoped
public class DemandViews {

    /** The statuses of a demand still being worked on. */
    public static final Set<DemandStatus> OPEN = EnumSet.of(DemandStatus.RECEIVED, DemandStatus.VERIFIED,
            DemandStatus.IN_REVIEW, DemandStatus.NARROWED, DemandStatus.CHALLENGED, DemandStatus.APPROVED_FOR_PRODUCTION);

    /** The named views of GET /legal-demands. */
    public enum View { OVERDUE, DUE_SOON, PRESERVATION_EXPIRING }

    private final Clock clock;
    private final LegalSettings settings;
    private final CaseHolds holds;

    public DemandViews(Clock clock, LegalSettings settings, CaseHolds holds) {
        this.clock = clock;
        this.settings = settings;
        this.holds = holds;
    }

    public LegalDemandView one(UUID id) {
        LegalDemand d = DemandWorkflow.demand(id);
        DemandState s = DemandWorkflow.state(id);
        List<DemandEvent> events = DemandEvent.of(id);
        Map<UUID, Long> seqs = new HashMap<>();
        for (LedgerEntry e : LedgerEntry.<LedgerEntry>list("ref in ?1", events.stream().map(e -> e.id).toList())) {
            seqs.put(e.ref, e.seq);
        }
        return view(d, s, events.stream().map(e -> e.view(seqs.get(e.id))).toList(),
                events.stream().map(e -> e.disclosureId).filter(Objects::nonNull).toList());
    }

    public LegalDemandView forEvent(UUID eventId) {
        DemandEvent e = DemandEvent.findById(eventId);
        if (e == null) {
            throw ProblemException.notFound("Legal demand event " + eventId);
        }
        return one(e.demandId);
    }

    /**
     * A page of demands: emergencies first, then the soonest due; optionally only those in a status,
     * of a process type, or in a named view.
     */
    public Page<LegalDemandView> page(DemandStatus status, ProcessType type, View view, String cursor, int limit) {
        LocalDate today = LocalDate.now(clock);
        List<String> where = new ArrayList<>(List.of("s.demandId = d.id"));
        Parameters params = new Parameters();
        if (status != null) {
            where.add("s.status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.add("d.processType = :type");
            params.and("type", type);
        }
        if (view == View.OVERDUE) {
            where.add("s.status in :open and d.responseDueOn < :today");
            params.and("open", OPEN).and("today", today);
        } else if (view == View.DUE_SOON) {
            where.add("s.status in :open and d.responseDueOn >= :today and d.responseDueOn < :soon");
            params.and("open", OPEN).and("today", today).and("soon", today.plusDays(settings.dueSoonDays()));
        } else if (view == View.PRESERVATION_EXPIRING) {
            where.add("s.preserveUntil is not null and s.preservationReleased = false and s.preserveUntil < :soon");
            params.and("soon", today.plusDays(settings.dueSoonDays()));
        }
        Cursor after = Cursor.decode(cursor);
        if (after != null) {
            where.add("(d.priority, d.responseDueOn, d.id) > (:p, :due, :id)");
            params.and("p", after.priority()).and("due", after.due()).and("id", after.id());
        }
        var query = LegalDemand.getEntityManager()
                .createQuery("select d, s from LegalDemand d, DemandState s where " + String.join(" and ", where)
                        + " order by d.priority, d.responseDueOn, d.id", Object[].class)
                .setMaxResults(limit + 1);
        params.map().forEach(query::setParameter);
        List<LegalDemandView> views = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            views.add(view((LegalDemand) row[0], (DemandState) row[1], List.of(), List.of()));
        }
        return Page.of(views, limit, v -> new Cursor(v.emergency() ? (short) 0 : (short) 1, v.responseDueOn(), v.id()).key());
    }

    LegalDemandView view(LegalDemand d, DemandState s, List<LegalDemandView.Event> events, List<UUID> disclosures) {
        LocalDate today = LocalDate.now(clock);
        boolean open = OPEN.contains(s.status);
        long daysLeft = ChronoUnit.DAYS.between(today, d.responseDueOn);
        LegalDemandView.Deadline deadline = new LegalDemandView.Deadline(open && daysLeft < 0,
                open && daysLeft >= 0 && daysLeft < settings.dueSoonDays(), daysLeft);
        LegalDemandView.Preservation preservation = s.preserveUntil == null ? null
                : new LegalDemandView.Preservation(s.preserveUntil, s.preservationExtended, s.preservationReleased,
                        !s.preservationReleased && s.preserveUntil.isBefore(today.plusDays(settings.dueSoonDays())),
                        holds.placedFor(DemandWorkflow.caseReference(d.id)));
        return new LegalDemandView(d.id, s.status, d.emergency, d.emergencyJustification, d.channel, d.receivedOn,
                d.recordedAt, d.recordedBy, d.agency(), d.country, d.jurisdiction, d.caseNumber, d.processType,
                d.statute, d.identifiers(), List.copyOf(d.dataCategories), d.dateRange(), d.responseDueOn, deadline,
                d.nonDisclosureOrder(), s.gaggedOn(today), new NewLegalDemand.Notice(d.notifyClient, d.notifySubject),
                d.followsDemand, d.description, d.accountsSpecified, s.accountsAffected, s.contested, s.scopeReviewed,
                s.approvedById == null ? null : approverName(d.id), preservation,
                List.copyOf(Transitions.allowedFrom(s.status)), disclosures, events);
    }

    private static String approverName(UUID demandId) {
        return DemandEvent.<DemandEvent>find("demandId = ?1 and toStatus = ?2 and action = ?3 order by step desc",
                demandId, DemandStatus.APPROVED_FOR_PRODUCTION, DemandEvent.TRANSITION).firstResultOptional()
                .map(e -> e.actor).orElse(null);
    }

    /** The keyset position of a demand in every list: (priority, response due date, id). */
    record Cursor(short priority, LocalDate due, UUID id) {

        String key() {
            return priority + "|" + due + "|" + id;
        }

        static Cursor decode(String cursor) {
            String raw = Page.decode(cursor);
            if (raw == null) {
                return null;
            }
            try {
                String[] p = raw.split("\\|", -1);
                return new Cursor(Short.parseShort(p[0]), LocalDate.parse(p[1]), UUID.fromString(p[2]));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("The cursor is not one this list gave",
                        new Problem.FieldError("cursor", "is not a cursor of this list"));
            }
        }
    }
}
