package dev.steward.account.rotation;

import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Master-key rotation without downtime: deploy a master keyset whose new primary key sits beside the
 * old one, call {@code POST /crypto/rotations} (re-wraps every data key and callback secret in small
 * batches while the service keeps serving), check {@code GET /crypto/keys}, then drop the old key.
 */
@Path("/crypto")
@Tag(name = "Protection at rest", description = "Master-key rotation of the per-subject data keys (§7)")
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class KeyRotationResource {

    public record KeyStatus(long masterKeyVersion, Map<String, Long> dataKeysByMasterVersion) {
    }

    private final SubjectKeys keys;
    private final AgroalDataSource db;
    private final KeyRotation rotation;

    public KeyRotationResource(SubjectKeys keys, AgroalDataSource db, KeyRotation rotation) {
        this.keys = keys;
        this.db = db;
        this.rotation = rotation;
    }

    @POST
    @Path("/rotations")
    public KeyRotation.Rotation rotate() {
        return rotation.rotate(keys.master(), keys.master());
    }

    /** JDBC: an aggregate over every data key. */
    @GET
    @Path("/keys")
    public KeyStatus status() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select key_version, count(*) from subject_key group by key_version order by 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(Long.toString(rs.getLong(1)), rs.getLong(2));
            }
        }
        return new KeyStatus(keys.master().version(), counts);
    }
}
