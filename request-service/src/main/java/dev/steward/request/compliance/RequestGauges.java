package dev.steward.request.compliance;

import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.routing.CallbackTask;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code steward.requests{status, type}} for every combination (0 when none) and
 * {@code steward.callbacks.pending} (routed requests whose callback is still being delivered). One
 * scrape reads 55 series, so they share a snapshot of one grouped count, taken at most every
 * {@value #FRESH_MILLIS} ms. Plain JDBC: set-based counts, and {@code scheduled_tasks} is db-scheduler's table.
 */
@ApplicationScoped
public class RequestGauges {

    private static final Logger LOG = Logger.getLogger(RequestGauges.class);
    static final long FRESH_MILLIS = 5000;

    private final AgroalDataSource db;
    private final MeterRegistry registry;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private long pendingCallbacks;
    private long takenAt;
    private boolean taken;

    public RequestGauges(AgroalDataSource db, MeterRegistry registry, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        for (RequestStatus status : RequestStatus.values()) {
            for (RequestType type : RequestType.values()) {
                String key = status.name() + "/" + type.name();
                Gauge.builder("steward.requests", this, g -> g.snapshot().getOrDefault(key, 0L))
                        .tag("status", status.name()).tag("type", type.name()).strongReference(true)
                        .description("Data-subject requests by status and type").register(registry);
            }
        }
        Gauge.builder("steward.callbacks.pending", this, g -> {
            g.snapshot();
            return g.pendingCallbacks;
        }).strongReference(true).description("Callbacks to Clients not yet acknowledged and still being retried").register(registry);
    }

    private synchronized Map<String, Long> snapshot() {
        long now = clock.millis();
        if (taken && now >= takenAt && now - takenAt < FRESH_MILLIS) { // a clock set back (tests) counts again
            return counts;
        }
        Map<String, Long> fresh = new HashMap<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select status, type, count(*) from dsr_request group by status, type");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select count(*) from scheduled_tasks where task_name = '" + CallbackTask.NAME + "'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                pendingCallbacks = rs.getLong(1);
            }
            counts = fresh;
            takenAt = now;
            taken = true;
        } catch (SQLException e) {
            LOG.warnf("request gauges not refreshed: SQLState %s", e.getSQLState()); // the last values stay
        }
        return counts;
    }
}
