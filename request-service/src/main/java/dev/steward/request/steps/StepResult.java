package dev.steward.request.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Persisted progress of one durable step (dsr_step): a step whose row exists is done and never redone. */
@Entity
@Table(name = "dsr_step")
public class StepResult extends PanacheEntityBase {

    @Embeddable
    public record Key(UUID requestId, String step) {
    }

    @EmbeddedId
    public Key key;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode result;
    public Instant doneAt;

    static Optional<StepResult> of(UUID requestId, Step step) {
        return findByIdOptional(new Key(requestId, step.name()));
    }

    /** When each finished step of a request was done, by step name (for the requester's status page). */
    public static java.util.Map<String, Instant> doneAt(UUID requestId) {
        java.util.Map<String, Instant> out = new java.util.HashMap<>();
        StepResult.<StepResult>list("key.requestId", requestId).forEach(s -> out.put(s.key.step(), s.doneAt));
        return out;
    }

    static List<String> doneSteps(UUID requestId) {
        return getEntityManager().createQuery("select s.key.step from StepResult s where s.key.requestId = ?1", String.class)
                .setParameter(1, requestId).getResultList();
    }

    static void save(UUID requestId, Step step, JsonNode result, Instant at) {
        StepResult s = new StepResult();
        s.key = new Key(requestId, step.name());
        s.result = result;
        s.doneAt = at;
        s.persist();
    }
}
