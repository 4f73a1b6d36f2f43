package dev.steward.request.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The one live code of a public request (a new code replaces it): its digest, lifetime and wrong tries. */
@Entity
@Table(name = "dsr_verification_code")
public class VerificationCode extends PanacheEntityBase {

    @Id
    public UUID requestId;
    public byte[] codeHash;
    public Instant issuedAt;
    public Instant expiresAt;
    public int wrongTries;

    /** The row locked for this transaction: concurrent tries on one code are counted one after another. */
    static Optional<VerificationCode> lock(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}
