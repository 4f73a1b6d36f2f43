package dev.steward.disclosure.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed statement of the ledger's size and head hash. {@code statement} is the exact signed
 * text (canonical JSON of {@code {headHash, keyId, log, signedAt, size}}); {@code signature} is
 * Ed25519 over its UTF-8 bytes, base64.
 */
public record Checkpoint(UUID id, long size, String headHash, Instant signedAt, String keyId, String statement,
                         String signature) {
}
