package dev.steward.account.retention;

import dev.steward.account.organisation.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** How long fields of a data-category prefix are kept while their org has a status (§7). */
@Entity
public class RetentionRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String categoryPrefix;
    @Enumerated(EnumType.STRING)
    public Organisation.Status orgStatus;
    public int retainDays;
    public String basis;

    boolean matches(String category, Organisation.Status status) {
        return orgStatus == status && (category.equals(categoryPrefix) || category.startsWith(categoryPrefix + "."));
    }
}
