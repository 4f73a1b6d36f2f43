package dev.steward.account.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.crypto.tink.Aead;
import dev.steward.account.consent.ConsentService;
import dev.steward.account.organisation.Organisation;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.account.retention.RetentionRule;
import dev.steward.account.retention.RetentionRules;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes a subject's export as JSON straight from JDBC cursors (fetch size, inside one read transaction)
 * to the response stream, after the resource method has returned: nothing is
 * collected in memory, so 100,000 access-log rows cost no more heap than 10. JDBC, because an ORM
 * query would load every row before the first byte is written.
 */
@ApplicationScoped
public class SubjectExporter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int FETCH = 1000;

    private final AgroalDataSource db;
    private final SubjectRepository subjects;
    private final ConsentService consents;
    private final RetentionRules retention;
    private final Clock clock;

    public SubjectExporter(AgroalDataSource db, SubjectRepository subjects, ConsentService consents,
                           RetentionRules retention, Clock clock) {
        this.db = db;
        this.subjects = subjects;
        this.consents = consents;
        this.retention = retention;
        this.clock = clock;
    }

    public boolean known(SubjectRef ref) throws SQLException {
        try (Connection c = db.getConnection()) {
            return subjects.known(c, ref);
        }
    }

    /** A read transaction, bounded: its cursors stay open while a slow client reads the stream. */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 600)
    public void write(SubjectRef ref, OutputStream out) throws IOException {
        // large writes: each flush to the HTTP layer is a hand-over to the event loop
        try (Connection c = db.getConnection();
             JsonGenerator g = JSON.createGenerator(new java.io.BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("subject");
            g.writeStringField("org", ref.org());
            g.writeStringField("kind", ref.kind().name());
            g.writeStringField("id", ref.id());
            g.writeEndObject();
            g.writeStringField("exportedAt", clock.instant().toString());
            g.writeBooleanField("restricted", consents.restricted(ref));
            fields(c, ref, g);
            accessLogs(c, ref, g);
            consentHistory(c, ref, g);
            accessRecords(c, ref, g);
            g.writeEndObject();
        } catch (SQLException e) {
            throw new IOException("export of a subject failed", e);
        }
    }

    private void fields(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        g.writeArrayFieldStart("fields");
        Optional<Long> id = subjects.findId(c, ref);
        if (id.isPresent()) {
            long subjectId = id.get();
            Aead aead = subjects.keys().get(c, subjectId);
            List<RetentionRule> rules = retention.all();
            Organisation.Status orgStatus = Organisation.<Organisation>findByIdOptional(ref.org()).map(o -> o.status)
                    .orElse(Organisation.Status.ACTIVE);
            try (PreparedStatement ps = c.prepareStatement("select name, category, value_ct, source, purpose, collected_at, "
                    + "value_type, sensitive from personal_field where subject_id = ? order by name")) {
                ps.setFetchSize(FETCH);
                ps.setLong(1, subjectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        g.writeStartObject();
                        g.writeStringField("name", name);
                        g.writeStringField("value", SubjectKeys.decrypt(aead, subjectId, name, rs.getBytes(3)));
                        g.writeStringField("type", rs.getString(7));
                        g.writeStringField("category", rs.getString(2));
                        g.writeBooleanField("sensitive", rs.getBoolean(8));
                        g.writeStringField("source", rs.getString(4));
                        g.writeStringField("purpose", rs.getString(5));
                        g.writeStringField("retention", RetentionRules.describe(rules, rs.getString(2), orgStatus));
                        g.writeStringField("collectedAt", rs.getTimestamp(6).toInstant().toString());
                        g.writeEndObject();
                    }
                }
            }
        }
        g.writeEndArray();
    }

    private void accessLogs(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        // the timestamp is formatted by PostgreSQL (ISO-8601, UTC): no per-row Timestamp/Instant objects
        streamArray(c, ref, g, "accessLogs", "select ip, to_char(at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), duration_ms, user_agent, path from access_log "
                + "where org = ? and kind = ? and subject_id = ? order by at, id", rs -> {
                    g.writeStringField("ip", rs.getString(1));
                    g.writeStringField("at", rs.getString(2));
                    g.writeNumberField("durationMs", rs.getLong(3));
                    g.writeStringField("userAgent", rs.getString(4));
                    g.writeStringField("path", rs.getString(5));
                });
    }

    private void consentHistory(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, ref, g, "consents", "select purpose, granted, at, actor, source from consent_event "
                + "where org = ? and kind = ? and subject_id = ? order by id", rs -> {
                    g.writeStringField("purpose", rs.getString(1));
                    g.writeBooleanField("granted", rs.getBoolean(2));
                    g.writeStringField("at", rs.getTimestamp(3).toInstant().toString());
                    g.writeStringField("actor", rs.getString(4));
                    g.writeStringField("source", rs.getString(5));
                });
    }

    private void accessRecords(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, ref, g, "accessRecords", "select actor, actor_role, fields, at from access_record "
                + "where org = ? and kind = ? and subject_id = ? order by id", rs -> {
                    g.writeStringField("actor", rs.getString(1));
                    g.writeStringField("role", rs.getString(2));
                    g.writeArrayFieldStart("fields");
                    for (String f : rs.getString(3).split(",")) {
                        g.writeString(f);
                    }
                    g.writeEndArray();
                    g.writeStringField("at", rs.getTimestamp(4).toInstant().toString());
                });
    }

    private interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    /** One array of the export: the subject's rows of one query, each written as an object while the cursor moves. */
    private static void streamArray(Connection c, SubjectRef ref, JsonGenerator g, String name, String sql, RowWriter row)
            throws SQLException, IOException {
        g.writeArrayFieldStart(name);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            bind(ps, ref);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    g.writeStartObject();
                    row.write(rs);
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static void bind(PreparedStatement ps, SubjectRef ref) throws SQLException {
        ps.setString(1, ref.org());
        ps.setString(2, ref.kind().name());
        ps.setString(3, ref.id());
    }
}
