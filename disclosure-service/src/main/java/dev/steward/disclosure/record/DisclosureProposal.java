package dev.steward.disclosure.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.disclosure.platform.Cursors;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A direct disclosure to law enforcement or a regulator as its recorder proposed it, waiting for a
 * second legal user (table disclosure_proposal): approved (and so recorded), declined, or withdrawn.
 */
@Entity
@Table(name = "disclosure_proposal")
public class DisclosureProposal extends PanacheEntityBase {

    public enum Status {
        AWAITING_APPROVAL, RECORDED, DECLINED, WITHDRAWN
    }

    @Id
    public UUID id;
    public String proposedBy;
    public String proposedById;
    public Instant proposedAt;
    /** The disclosure as proposed (a {@link NewDisclosure} without approval or approver), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String decidedBy;
    public Instant decidedAt;
    public String reason;
    public UUID disclosureId;

    /** What the API shows: the disclosure as proposed, and what became of it (not the users' token subjects). */
    public record View(UUID id, Status status, String proposedBy, Instant proposedAt, JsonNode disclosure,
                       String decidedBy, Instant decidedAt, String reason, UUID disclosureId) {
    }

    /** {@code limit} proposals in one status (all when null), newest first, after the cursor key. */
    static List<DisclosureProposal> page(Status status, Cursors.Key after, int limit) {
        Parameters params = new Parameters();
        String where = "1 = 1";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        if (after != null) {
            where += " and (proposedAt < :at or (proposedAt = :at and id < :id))";
            params.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by proposedAt desc, id desc", params).range(0, limit - 1).list();
    }
}
