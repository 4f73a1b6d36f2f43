package dev.steward.disclosure.ledger;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The ledger's settings ({@code steward.ledger.*}); defaults and environment variables are written
 * once, in application.properties.
 */
@ConfigMapping(prefix = "steward.ledger")
public interface LedgerConfig {

    /** Ed25519 private key seed, 32 bytes, base64; empty: an ephemeral key. */
    Optional<String> signingKey();

    /**
     * The log's origin (first line of every checkpoint, and the name of its note key): a
     * schema-less URL naming this ledger, unique among the logs a verifier or witness follows.
     */
    String origin();

    /** Most entries per group commit. */
    int maxBatch();

    /** Queued entries before callers are refused (503). */
    int queueCapacity();

    /** How long a caller waits for its entry to be durable. */
    long ackTimeoutSeconds();

    /** Periodic checkpoints: interval and first run after start (the scheduler reads them by name). */
    Duration checkpointEvery();

    Duration checkpointDelay();

    /** How often the service re-verifies its whole ledger (and once at start); the result is in its metrics. */
    Duration verifyEvery();
}
