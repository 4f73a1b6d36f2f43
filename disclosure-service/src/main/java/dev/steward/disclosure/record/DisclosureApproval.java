package dev.steward.disclosure.record;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A second legal user's approval of one exact disclosure (table disclosure_approval): who (token
 * subject and name), when, and the digest of the disclosure approved; used once.
 */
@Entity
@Table(name = "disclosure_approval")
public class DisclosureApproval extends PanacheEntityBase {

    @Id
    public UUID id;
    public String approvedBy;
    public String approvedById;
    public Instant approvedAt;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String contentDigest;
    public Instant usedAt;

    /** What the API shows: not the approver's token subject. */
    public record View(UUID id, String approvedBy, Instant approvedAt, String contentDigest, Instant usedAt) {
    }

    View view() {
        return new View(id, approvedBy, approvedAt, contentDigest, usedAt);
    }
}
