package dev.steward.account.platform.crypto;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Re-wraps data keys and re-seals callback secrets from one master keyset to another's primary key.
 * JDBC: key material is rewritten row by row in bounded batches (each its own short transaction).
 */
@ApplicationScoped
public class KeyRotation {

    public record Rotation(long masterKeyVersion, long dataKeysRewrapped, long secretsResealed) {
    }

    private final SubjectKeys keys;
    private final AgroalDataSource db;

    public KeyRotation(SubjectKeys keys, AgroalDataSource db) {
        this.keys = keys;
        this.db = db;
    }

    /** Re-wraps from {@code source} (any key of it can unwrap) to {@code target}'s primary key. */
    public Rotation rotate(MasterKey source, MasterKey target) {
        long rewrapped = keys.rewrap(db, source, target, 500);
        long resealed = QuarkusTransaction.requiringNew().call(() -> reseal(source, target));
        return new Rotation(target.version(), rewrapped, resealed);
    }

    /** The callback secrets (one per org: a small table) in one transaction. */
    private long reseal(MasterKey source, MasterKey target) throws SQLException {
        long resealed = 0;
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("select id, callback_secret_ct from organisation "
                     + "where callback_secret_ct is not null and callback_secret_key_version <> ?");
             PreparedStatement update = c.prepareStatement("update organisation set callback_secret_ct = ?, "
                     + "callback_secret_key_version = ? where id = ?")) {
            select.setLong(1, target.version());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String context = "org-callback-secret:" + rs.getString(1);
                    update.setBytes(1, target.seal(source.open(rs.getBytes(2), context), context));
                    update.setLong(2, target.version());
                    update.setString(3, rs.getString(1));
                    update.executeUpdate();
                    resealed++;
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("a callback secret could not be re-sealed");
        }
        return resealed;
    }

}
