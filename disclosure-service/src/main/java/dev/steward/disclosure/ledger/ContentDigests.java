package dev.steward.disclosure.ledger;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes, from the stored rows, the digests of the records a ledger entry type covers, so
 * that verification catches a record changed behind the ledger's back as well as a changed entry.
 */
public interface ContentDigests {

    /** The ledger entry types this covers. */
    Collection<String> types();

    /**
     * Digest of each stored record of entry type {@code type} among {@code refs}; a record that no
     * longer exists is absent.
     * Called in the verifier's transaction, chunk by chunk: what it loads must not stay managed.
     */
    Map<UUID, String> digests(String type, Collection<UUID> refs);
}
