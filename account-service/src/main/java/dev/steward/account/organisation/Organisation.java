package dev.steward.account.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A Client organisation (§1), serialised as the public API shows it: the callback secret is write-only. */
@Entity
public class Organisation extends PanacheEntityBase {

    public enum Status { ACTIVE, CLOSED, TERMINATED_FOR_VIOLATION }

    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String statusReason;
    public Instant statusChangedAt;
    public String callbackUrl;
    @JsonIgnore
    public byte[] callbackSecretCt;
    @JsonIgnore
    public Long callbackSecretKeyVersion;
    public boolean sensitiveDataAcknowledged;
    public Instant createdAt;
    @JsonIgnore
    public Instant updatedAt;

    @JsonProperty
    public boolean callbackSecretSet() {
        return callbackSecretCt != null;
    }
}
