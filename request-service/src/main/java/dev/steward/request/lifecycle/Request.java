package dev.steward.request.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Jurisdiction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A data-subject request and its CCPA §7101 record (dsr_request). */
@Entity
@Table(name = "dsr_request")
public class Request extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public RequestType type;
    public String subjectOrg;
    @Enumerated(EnumType.STRING)
    public SubjectRef.Kind subjectKind;
    public String subjectId;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    @Enumerated(EnumType.STRING)
    public Manner manner;
    @Enumerated(EnumType.STRING)
    public Jurisdiction jurisdiction;
    public String submittedBy;
    public String submittedRole;
    public String attestation;
    public String contact;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode details;
    /** The caller scope and Idempotency-Key (both null without a key); unique together. */
    public String idemScope;
    public String idemKey;
    public String bodyHash;
    public Instant receivedAt;
    public Instant dueAt;
    public Instant originalDueAt;
    public Integer extendedDays;
    public String extensionReason;
    public Instant ackDueAt;
    public Instant acknowledgedAt;
    public Instant respondedAt;
    @Enumerated(EnumType.STRING)
    public DenialReason denialReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode outcome;
    /** Incremented by each retry, so that tasks of an earlier round find nothing to do. */
    public int round;
    public Instant updatedAt;

    public SubjectRef subject() {
        return new SubjectRef(subjectOrg, subjectKind, subjectId);
    }

    public static Optional<Request> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The row, locked until the transaction ends: changes to one request are serialised. */
    public static Optional<Request> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks an Idempotency-Key until the transaction ends and answers the request already submitted
     * with it, if any. Submissions with one key take turns, so a concurrent duplicate waits for the
     * first to commit and then finds it; the unique index on (idem_scope, idem_key) stays the backstop.
     */
    public static Optional<Request> lockIdempotencyKey(String scope, String key) {
        // native SQL: PostgreSQL's advisory lock has no JPA equivalent
        getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, scope + "\n" + key).getSingleResult();
        return find("idemScope = ?1 and idemKey = ?2", scope, key).firstResultOptional();
    }
}
