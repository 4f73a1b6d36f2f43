package dev.steward.request.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** A status link's token, stored only as its SHA-256 digest. */
@Entity
@Table(name = "dsr_status_token")
public class StatusToken extends PanacheEntityBase {

    @Id
    public String tokenHash;
    public UUID requestId;
    public Instant createdAt;

    static void store(String token, UUID requestId, Instant at) {
        StatusToken t = new StatusToken();
        t.tokenHash = HexFormat.of().formatHex(Secrets.tokenDigest(token));
        t.requestId = requestId;
        t.createdAt = at;
        t.persist();
    }

    static Optional<UUID> requestOf(String token) {
        return StatusToken.<StatusToken>findByIdOptional(HexFormat.of().formatHex(Secrets.tokenDigest(token))).map(t -> t.requestId);
    }
}
