package dev.steward.disclosure.ledger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * What a ledger entry covers: a record kept in its own table (the ledger rows carry no personal
 * data, only the record's id and the SHA-256 of its canonical JSON). The writer inserts the
 * record's rows in the same transaction as the ledger row, so both are durable together.
 */
public interface LedgerContent {

    /** DISCLOSURE, CORRECTION, ... */
    String type();

    UUID ref();

    /** Lower-case hex SHA-256 of the record's canonical JSON (RFC 8785). */
    String digest();

    Instant recordedAt();

    /** Adds the record's rows to the batch; {@code seq} is the ledger sequence number it gets. */
    void write(WriteBatch batch, long seq) throws SQLException;
}
