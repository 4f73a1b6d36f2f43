package dev.steward.disclosure.hold;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The release of a hold (table legal_hold_release, keyed by the hold): at most one, never changed. */
@Entity
@Table(name = "legal_hold_release")
@org.hibernate.annotations.Immutable
public class HoldRelease extends PanacheEntityBase {

    @Id
    public UUID holdId;
    @MapsId
    @OneToOne
    @JoinColumn(name = "hold_id")
    public LegalHold hold;
    public String reason;
    public String releasedBy;
    public Instant releasedAt;
}
