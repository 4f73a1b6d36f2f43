package dev.steward.account.retention;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The purge's metrics (issue 18, METRICS.md): {@code steward.purge.runs{result}}, {@code
 * steward.purge.rows{table}} and {@code steward.purge.last.success}. Every tag value is registered at
 * start, so an alert sees 0 rather than no series. The last success is read from the purge receipts,
 * not remembered: any replica may have run the purge, and it survives restarts.
 */
@Startup // its meters are registered at start, so each series exists (at 0) before its first event
@ApplicationScoped
public class PurgeMetrics {

    /** The tables a purge deletes rows from (a closed set: the {@code table} tag's values). */
    public enum Table { personal_field, subject, access_log }

    private final AgroalDataSource db;
    private final Counter succeeded;
    private final Counter failed;
    private final Map<Table, Counter> rows;

    public PurgeMetrics(MeterRegistry registry, AgroalDataSource db) {
        this.db = db;
        this.succeeded = Counter.builder("steward.purge.runs").tag("result", "success")
                .description("Retention purge runs, by result").register(registry);
        this.failed = Counter.builder("steward.purge.runs").tag("result", "failure")
                .description("Retention purge runs, by result").register(registry);
        this.rows = Map.of(Table.personal_field, rows(registry, Table.personal_field),
                Table.subject, rows(registry, Table.subject), Table.access_log, rows(registry, Table.access_log));
        Gauge.builder("steward.purge.last.success", this, PurgeMetrics::lastSuccess)
                .description("When a purge last completed (epoch seconds; 0 never)").register(registry);
    }

    private static Counter rows(MeterRegistry registry, Table table) {
        return Counter.builder("steward.purge.rows").tag("table", table.name())
                .description("Rows deleted by retention purges, by table").register(registry);
    }

    void succeeded(long fields, long subjects, long accessLogs) {
        succeeded.increment();
        rows.get(Table.personal_field).increment(fields);
        rows.get(Table.subject).increment(subjects);
        rows.get(Table.access_log).increment(accessLogs);
    }

    void failed() {
        failed.increment();
    }

    /** JDBC: one aggregate over the receipts at scrape time; NaN (no value) while the database is away. */
    double lastSuccess() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(extract(epoch from max(finished_at)), 0) from purge_receipt")) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
