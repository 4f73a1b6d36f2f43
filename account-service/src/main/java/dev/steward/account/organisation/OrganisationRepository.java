package dev.steward.account.organisation;

import dev.steward.account.platform.crypto.MasterKey;
import dev.steward.account.platform.crypto.SubjectKeys;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OrganisationRepository {

    private static final String COLUMNS = "id, name, status, status_reason, status_changed_at, callback_url, "
            + "callback_secret_ct, sensitive_data_acknowledged, created_at";

    private final AgroalDataSource db;
    private final MasterKey master;

    public OrganisationRepository(AgroalDataSource db, SubjectKeys keys) {
        this.db = db;
        this.master = keys.master();
    }

    /** Inserts the organisation; false when the id is already taken. */
    public boolean insert(NewOrganisation org) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into organisation (id, name) values (?, ?) on conflict (id) do nothing")) {
            ps.setString(1, org.id());
            ps.setString(2, org.name());
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Organisation> find(String id) throws SQLException {
        return row(id).map(Row::view);
    }

    public Optional<InternalOrganisation> findInternal(String id) throws SQLException {
        return row(id).map(r -> new InternalOrganisation(r.id, r.name, r.status, r.callbackUrl,
                r.secretCt == null ? null : open(r.id, r.secretCt), r.acknowledged, r.createdAt));
    }

    /** Keyset-paged list in id order. */
    public List<Organisation> list(String after, int limitPlusOne) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                     + " from organisation where id > ? order by id limit ?")) {
            ps.setString(1, after == null ? "" : after);
            ps.setInt(2, limitPlusOne);
            List<Organisation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs).view());
                }
            }
            return out;
        }
    }

    public boolean update(String id, OrganisationSettings s) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update organisation set "
                     + "name = coalesce(?, name), callback_url = coalesce(?, callback_url), "
                     + "callback_secret_ct = coalesce(?, callback_secret_ct), "
                     + "callback_secret_key_version = case when ? then ? else callback_secret_key_version end, "
                     + "sensitive_data_acknowledged = coalesce(?, sensitive_data_acknowledged), updated_at = now() "
                     + "where id = ?")) {
            ps.setString(1, s.name());
            ps.setString(2, s.callbackUrl());
            ps.setBytes(3, s.callbackSecret() == null ? null : seal(id, s.callbackSecret()));
            ps.setBoolean(4, s.callbackSecret() != null);
            ps.setLong(5, master.version());
            if (s.sensitiveDataAcknowledged() == null) {
                ps.setNull(6, java.sql.Types.BOOLEAN);
            } else {
                ps.setBoolean(6, s.sensitiveDataAcknowledged());
            }
            ps.setString(7, id);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean changeStatus(String id, StatusChange change) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update organisation set status = ?, status_reason = ?, "
                     + "status_changed_at = now(), updated_at = now() where id = ?")) {
            ps.setString(1, change.status().name());
            ps.setString(2, change.reason());
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private byte[] seal(String org, String secret) {
        try {
            return master.seal(secret.getBytes(StandardCharsets.UTF_8), "org-callback-secret:" + org);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the callback secret");
        }
    }

    private String open(String org, byte[] ct) {
        try {
            return new String(master.open(ct, "org-callback-secret:" + org), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the callback secret of " + org + " cannot be opened");
        }
    }

    private Optional<Row> row(String id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from organisation where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Row map(ResultSet rs) throws SQLException {
        Timestamp changed = rs.getTimestamp(5);
        return new Row(rs.getString(1), rs.getString(2), Organisation.Status.valueOf(rs.getString(3)),
                rs.getString(4), changed == null ? null : changed.toInstant(), rs.getString(6), rs.getBytes(7),
                rs.getBoolean(8), rs.getTimestamp(9).toInstant());
    }

    private record Row(String id, String name, Organisation.Status status, String statusReason,
                       java.time.Instant statusChangedAt, String callbackUrl, byte[] secretCt,
                       boolean acknowledged, java.time.Instant createdAt) {
        Organisation view() {
            return new Organisation(id, name, status, statusReason, statusChangedAt, callbackUrl,
                    secretCt != null, acknowledged, createdAt);
        }
    }
}
