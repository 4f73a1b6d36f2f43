package dev.steward.request.deadline;

import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.store.Db;
import dev.steward.request.store.RequestRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prometheus gauges {@code steward_requests_overdue} and {@code steward_requests_due_soon}: open
 * requests past their due date, and open requests due within the due-soon window. Counted from
 * the database when scraped.
 */
@ApplicationScoped
public class DeadlineGauges {

    private final Db db;
    private final Clock clock;
    private final Deadlines deadlines;
    private final MeterRegistry registry;

    public DeadlineGauges(Db db, Clock clock, Deadlines deadlines, MeterRegistry registry) {
        this.db = db;
        this.clock = clock;
        this.deadlines = deadlines;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("steward.requests.overdue", this, DeadlineGauges::overdue)
                .strongReference(true).description("Open data-subject requests past their due date").register(registry);
        Gauge.builder("steward.requests.due.soon", this, DeadlineGauges::dueSoon)
                .strongReference(true).description("Open data-subject requests due within the due-soon window").register(registry);
    }

    public long overdue() {
        Instant now = clock.instant();
        return count("due_at < ?", now, null);
    }

    public long dueSoon() {
        Instant now = clock.instant();
        return count("due_at >= ? and due_at < ?", now, now.plus(Duration.ofDays(deadlines.dueSoonDays())));
    }

    private long count(String where, Instant a, Instant b) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from dsr_request where status in "
                    + RequestStatus.OPEN_SQL + " and " + where)) {
                ps.setTimestamp(1, RequestRepository.ts(a));
                if (b != null) {
                    ps.setTimestamp(2, RequestRepository.ts(b));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
