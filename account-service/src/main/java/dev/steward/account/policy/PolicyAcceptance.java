package dev.steward.account.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A customer accepted a policy version (§16): recorded once, never changed. */
@Entity
@Immutable
@IdClass(PolicyAcceptance.Key.class)
public class PolicyAcceptance extends PanacheEntityBase {

    public record Key(String version, String sub) implements Serializable {
    }

    @Id
    public String version;
    @Id
    public String sub;
    public Instant acceptedAt;
}
