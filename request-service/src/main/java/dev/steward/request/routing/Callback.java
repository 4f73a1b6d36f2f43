package dev.steward.request.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A routed request's payload for its controller (the Client) and the state of its delivery (dsr_callback). */
@Entity
@Table(name = "dsr_callback")
public class Callback extends PanacheEntityBase {

    @Id
    public UUID requestId;
    public String org;
    /** One per event; every retry of this delivery sends the same one (Steward-Delivery-Id). */
    public UUID deliveryId;
    public String payload;
    public int attempts;
    public Integer lastStatus;
    public String lastError;
    public Instant deliveredAt;
}
