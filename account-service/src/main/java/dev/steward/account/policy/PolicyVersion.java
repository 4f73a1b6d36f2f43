package dev.steward.account.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version of the privacy policy (§16); versions are never changed once published. */
@Entity
@Immutable
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public String number;
    public LocalDate effectiveDate;
    public String summary;
    public String url;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String sha256;
    public String publishedBy;
    public Instant publishedAt;
}
