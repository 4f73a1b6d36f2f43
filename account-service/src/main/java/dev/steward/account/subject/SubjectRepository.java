package dev.steward.account.subject;

import com.google.crypto.tink.Aead;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.platform.subject.SubjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Data subjects and their encrypted personal fields. Every method runs in the caller's transaction. */
@ApplicationScoped
public class SubjectRepository {

    private final SubjectKeys keys;

    public SubjectRepository(SubjectKeys keys) {
        this.keys = keys;
    }

    public SubjectKeys keys() {
        return keys;
    }

    public Optional<Long> findId(Connection c, SubjectRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id from subject where org = ? and kind = ? and ext_id = ?")) {
            ps.setString(1, ref.org());
            ps.setString(2, ref.kind().name());
            ps.setString(3, ref.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Anything at all is held about the subject: a record, access logs or consent choices. */
    public boolean known(Connection c, SubjectRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select exists (select 1 from subject where org = ? and kind = ? and ext_id = ?)"
                        + " or exists (select 1 from access_log where org = ? and kind = ? and subject_id = ?)"
                        + " or exists (select 1 from consent_event where org = ? and kind = ? and subject_id = ?)")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(i * 3 + 1, ref.org());
                ps.setString(i * 3 + 2, ref.kind().name());
                ps.setString(i * 3 + 3, ref.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The ids of these subjects, created (each with a fresh data key) when missing, and locked
     * ({@code FOR UPDATE}) until the caller's transaction ends: concurrent writes of one subject
     * serialise here instead of colliding on its fields' primary key. New ids are inserted and rows
     * locked in one fixed order (ext id, then id), so two overlapping batches cannot deadlock.
     */
    public Map<String, Long> ensure(Connection c, String org, SubjectRef.Kind kind, Collection<String> extIds)
            throws SQLException {
        Map<String, Long> out = locked(c, org, kind, extIds);
        keys.createMissing(c, out.values());
        return out;
    }

    /** The subjects' ids (by ext id) and data keys. */
    public record WithKeys(Map<String, Long> ids, Map<Long, Aead> keys) {
    }

    /**
     * {@link #ensure} and every subject's data key: the keys just created as they are, the others from the
     * cache or the database (one query).
     */
    public WithKeys ensureWithKeys(Connection c, String org, SubjectRef.Kind kind, Collection<String> extIds)
            throws SQLException {
        Map<String, Long> ids = locked(c, org, kind, extIds);
        Map<Long, Aead> all = new HashMap<>(keys.createMissing(c, ids.values()));
        List<Long> existing = ids.values().stream().filter(id -> !all.containsKey(id)).toList();
        all.putAll(keys.getAll(c, existing));
        return new WithKeys(ids, all);
    }

    private static Map<String, Long> locked(Connection c, String org, SubjectRef.Kind kind, Collection<String> extIds)
            throws SQLException {
        String[] ids = extIds.stream().sorted().distinct().toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into subject (org, kind, ext_id) select ?, ?, x from unnest(?::varchar[]) x "
                        + "on conflict (org, kind, ext_id) do nothing")) {
            ps.setString(1, org);
            ps.setString(2, kind.name());
            ps.setArray(3, c.createArrayOf("varchar", ids));
            ps.executeUpdate();
        }
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                // a join on unnest, not "= any(array)": the latter may be planned as a scan comparing every row to every id
                "select s.ext_id, s.id from unnest(?::varchar[]) x(ext_id) join subject s "
                        + "on s.org = ? and s.kind = ? and s.ext_id = x.ext_id order by s.id for update of s")) {
            ps.setArray(1, c.createArrayOf("varchar", ids));
            ps.setString(2, org);
            ps.setString(3, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    public long ensure(Connection c, SubjectRef ref) throws SQLException {
        return ensure(c, ref.org(), ref.kind(), List.of(ref.id())).get(ref.id());
    }

    /** Inserts or replaces fields of one subject (JDBC batch). */
    public void upsertFields(Connection c, long subjectId, Aead aead, List<FieldRow> fields) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (FieldRow f : fields) {
                bindField(ps, subjectId, aead, f);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static final String UPSERT = "insert into personal_field (subject_id, name, value_type, category, value_ct, "
            + "source, purpose, sensitive, collected_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()), now()) "
            + "on conflict (subject_id, name) do update set value_type = excluded.value_type, category = excluded.category, "
            + "value_ct = excluded.value_ct, source = excluded.source, purpose = excluded.purpose, "
            + "sensitive = excluded.sensitive, updated_at = now()";

    public static void bindField(PreparedStatement ps, long subjectId, Aead aead, FieldRow f) throws SQLException {
        ps.setLong(1, subjectId);
        ps.setString(2, f.name());
        ps.setString(3, f.type());
        ps.setString(4, f.category());
        ps.setBytes(5, SubjectKeys.encrypt(aead, subjectId, f.name(), f.value()));
        ps.setString(6, f.source());
        ps.setString(7, f.purpose());
        ps.setBoolean(8, f.sensitive());
        ps.setTimestamp(9, f.collectedAt() == null ? null : Timestamp.from(f.collectedAt()));
    }

    /** The subject's fields, decrypted, in name order. */
    public List<FieldRow> fields(Connection c, long subjectId) throws SQLException {
        Aead aead = keys.get(c, subjectId);
        List<FieldRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select name, value_type, category, value_ct, source, purpose, sensitive, collected_at "
                        + "from personal_field where subject_id = ? order by name")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FieldRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            SubjectKeys.decrypt(aead, subjectId, rs.getString(1), rs.getBytes(4)),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return out;
    }

    /** Field names and categories of a subject (no decryption). */
    public Map<String, String> fieldCategories(Connection c, long subjectId) throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select name, category from personal_field where subject_id = ? order by name")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Re-encrypts the named fields with new values; returns the names actually changed. */
    public List<String> rectify(Connection c, long subjectId, Map<String, String> changes) throws SQLException {
        Aead aead = keys.get(c, subjectId);
        List<String> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "update personal_field set value_ct = ?, updated_at = now() where subject_id = ? and name = ?")) {
            for (Map.Entry<String, String> e : changes.entrySet()) {
                ps.setBytes(1, SubjectKeys.encrypt(aead, subjectId, e.getKey(), e.getValue()));
                ps.setLong(2, subjectId);
                ps.setString(3, e.getKey());
                if (ps.executeUpdate() == 1) {
                    changed.add(e.getKey());
                }
            }
        }
        return changed;
    }
}
