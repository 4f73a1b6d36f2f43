package dev.steward.disclosure.ledger;

import dev.steward.disclosure.platform.Cursors;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A signed statement of the ledger's size and head hash (table ledger_checkpoint, append-only).
 * {@code statement} is the exact signed text (canonical JSON of {@code {headHash, keyId, log,
 * signedAt, size}}); {@code signature} is Ed25519 over its UTF-8 bytes, base64. Since issue 16
 * the same key also signs {@code note}, a C2SP tlog-checkpoint (origin, size, base64 RFC 9162
 * root) whose root is {@code rootHash} (hex); both are null on checkpoints signed before.
 */
@Entity
@Immutable
@Table(name = "ledger_checkpoint")
public class Checkpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public long size;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String headHash;
    public Instant signedAt;
    public String keyId;
    public String statement;
    public String signature;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String rootHash;
    @JsonSerialize(using = AsciiJsonString.class)
    public String note;

    /** The latest checkpoint signed as a note (older ones have none). */
    static Optional<Checkpoint> latestNote() {
        return Checkpoint.<Checkpoint>find("note is not null", Sort.descending("signedAt", "id")).firstResultOptional();
    }

    static Optional<Checkpoint> latest() {
        return page(null, 1).stream().findFirst();
    }

    /** {@code limit} checkpoints, newest first, keyset after ({@code signedAt}, {@code id}). */
    static List<Checkpoint> page(Cursors.Key after, int limit) {
        Sort newestFirst = Sort.descending("signedAt", "id");
        return (after == null ? Checkpoint.<Checkpoint>findAll(newestFirst)
                : Checkpoint.<Checkpoint>find("(signedAt, id) < (?1, ?2)", newestFirst, after.at(), after.id()))
                .range(0, limit - 1).list();
    }
}
