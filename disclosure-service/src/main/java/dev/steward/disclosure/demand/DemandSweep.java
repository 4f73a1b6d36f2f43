package dev.steward.disclosure.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The durable side of the workflow, on the service's scheduler: everything it acts on is in the
 * database (states, notices), so a restart or another replica simply picks up where it stands.
 * Each run (1) lapses preservations past their date unless a production follows — a demand that
 * follows the preservation and was not rejected or found without data — releasing their holds;
 * (2) places any hold a standing preservation still lacks (its intake failed half-way);
 * (3) delivers every notice that is due and not yet acknowledged (retried on each run).
 * Two replicas may both try a notice: it carries one delivery id, so the Client de-duplicates, and
 * of two lapse events only one is recorded (the event's step is unique).
 */
@ApplicationScoped
public class DemandSweep {

    private static final Logger LOG = Logger.getLogger(DemandSweep.class);
    private static final int BATCH = 200;

    private final DemandWorkflow workflow;
    private final Notices notices;
    private final NoticeDelivery delivery;
    private final Clock clock;

    public DemandSweep(DemandWorkflow workflow, Notices notices, NoticeDelivery delivery, Clock clock) {
        this.workflow = workflow;
        this.notices = notices;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int preservationsLapsed, int noticesDelivered, int noticesFailed) {
    }

    @Scheduled(every = "${steward.legal.sweep-every}", delayed = "${steward.legal.sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        try {
            Run run = run();
            if (run.preservationsLapsed() + run.noticesDelivered() + run.noticesFailed() > 0) {
                LOG.infof("Legal sweep: %d preservations lapsed, %d notices delivered, %d not acknowledged",
                        run.preservationsLapsed(), run.noticesDelivered(), run.noticesFailed());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Legal sweep failed; the next run tries again", e);
        }
    }

    @ActivateRequestContext
    public Run run() throws SQLException {
        LocalDate today = LocalDate.now(clock);
        List<UUID> lapsed = QuarkusTransaction.requiringNew().call(() -> DemandState.<DemandState>find(
                "from DemandState s where s.preserveUntil < ?1 and s.preservationReleased = false and not exists"
                        + " (from LegalDemand f, DemandState fs where f.followsDemand = s.demandId and fs.demandId = f.id"
                        + " and fs.status not in ?2)",
                today, List.of(DemandStatus.REJECTED, DemandStatus.NO_DATA)).page(0, BATCH).list()
                .stream().map(s -> s.demandId).toList());
        int lapsedCount = 0;
        for (UUID id : lapsed) {
            try {
                QuarkusTransaction.requiringNew().run(() -> workflow.lapsePreservation(id));
                lapsedCount++;
            } catch (RuntimeException e) {
                LOG.warnf("Preservation of legal demand %s not lapsed yet: %s", id, e.getMessage());
            }
        }
        List<UUID> standing = QuarkusTransaction.requiringNew().call(() -> DemandState.<DemandState>find(
                "from DemandState s where s.preserveUntil >= ?1 and s.preservationReleased = false", today).list()
                .stream().map(s -> s.demandId).toList());
        for (UUID id : standing) {
            try {
                QuarkusTransaction.requiringNew().call(() -> workflow.preserve(id));
            } catch (RuntimeException e) {
                LOG.warnf("Holds of the preservation of legal demand %s not complete yet: %s", id, e.getMessage());
            }
        }
        int delivered = 0;
        int failed = 0;
        for (Notices.Due due : notices.due(false, BATCH)) {
            if (delivery.deliver(due.demandId(), due.org())) {
                delivered++;
            } else {
                failed++;
            }
        }
        return new Run(lapsedCount, delivered, failed);
    }
}
