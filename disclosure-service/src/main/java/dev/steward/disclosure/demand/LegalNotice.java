package dev.steward.disclosure.demand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one notice to one Client org (table legal_notice): created when the notice is
 * first attempted, with the delivery id every retry carries; attempts and the last error are kept.
 */
@Entity
@Table(name = "legal_notice")
public class LegalNotice extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID demandId;
    public String org;
    public UUID deliveryId;
    public int attempts;
    public Integer lastStatus;
    public String lastError;
    public Instant deliveredAt;
}
