package dev.steward.disclosure.subprocessor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A sub-processor as registered and published (table subprocessor: its current version; every
 * version an edit replaced is kept in subprocessor_change). {@code flagged}
 * is true when no agreement with at least the policy's protections is in force (§5, §7): the
 * compliance report lists those.
 */
@Entity
@Table(name = "subprocessor")
public class SubProcessor extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String purpose;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dataCategories;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String country;
    public boolean agreementInForce;
    public LocalDate agreementSince;
    @JsonIgnore
    public String createdBy;

    public boolean isFlagged() {
        return !agreementInForce;
    }

    public static long countWithoutAgreement() {
        return count("agreementInForce", false);
    }
}
