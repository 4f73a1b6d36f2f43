package dev.steward.account.rotation;

import dev.steward.account.organisation.OrganisationService;
import dev.steward.account.platform.crypto.MasterKey;
import dev.steward.account.platform.crypto.SubjectKeys;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Re-wraps data keys and re-seals callback secrets from one master keyset to another's primary key. */
@ApplicationScoped
public class KeyRotation {

    public record Rotation(long masterKeyVersion, long dataKeysRewrapped, long secretsResealed) {
    }

    private final SubjectKeys keys;
    private final OrganisationService orgs;
    private final AgroalDataSource db;

    public KeyRotation(SubjectKeys keys, OrganisationService orgs, AgroalDataSource db) {
        this.keys = keys;
        this.orgs = orgs;
        this.db = db;
    }

    /** Re-wraps from {@code source} (any key of it can unwrap) to {@code target}'s primary key. */
    public Rotation rotate(MasterKey source, MasterKey target) {
        long rewrapped = keys.rewrap(db, source, target, 500);
        return new Rotation(target.version(), rewrapped, orgs.resealSecrets(source, target));
    }
}
