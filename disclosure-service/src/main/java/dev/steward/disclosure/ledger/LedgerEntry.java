package dev.steward.disclosure.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A ledger entry as stored and published (it holds no personal data). Written only by
 * {@link LedgerWriter}'s group commit; read here for the entries endpoint and record views.
 */
@Entity
@Immutable
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public long seq;
    @Column(name = "entry_type")
    public String type;
    @Column(name = "ref_id")
    public UUID ref;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String contentDigest;
    public Instant recordedAt;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String prevHash;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String hash;
}
