package dev.steward.request.steps;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The execution log (dsr_step_log, append-only): one row per attempt of a step or a callback. */
@Entity
@Table(name = "dsr_step_log")
@Immutable
public class StepLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID requestId;
    public String step;
    public int attempt;
    public Instant startedAt;
    public Instant finishedAt;
    public String outcome;
    public String detail;

    /** Appends one attempt, in the caller's transaction. */
    public static void append(UUID requestId, String step, int attempt, Instant started, Instant finished,
                              String outcome, String detail) {
        StepLog l = new StepLog();
        l.requestId = requestId;
        l.step = step;
        l.attempt = attempt;
        l.startedAt = started;
        l.finishedAt = finished;
        l.outcome = outcome;
        l.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000));
        l.persist();
    }

    public static List<StepLog> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
