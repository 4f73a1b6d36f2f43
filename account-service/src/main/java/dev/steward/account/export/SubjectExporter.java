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
import dev.steward.account.subject.AccessRecords;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.account.taxonomy.DataCategories;
import dev.steward.platform.security.Caller;
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
 * collected in memory, so 100,000 access-log rows cost no more heap than 10 ({@code ExportMemoryIT}
 * streams 100,000 in a 64 MB heap). JDBC, because an ORM query would load every row before the first
 * byte is written. Every kind of data held about the subject has its section, and every item names
 * what it is, its category, purpose, source and retention ({@link ExportSections}).
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
    private final DataCategories categories;
    private final ExportSections sections;
    private final AccessRecords accessRecords;

    public SubjectExporter(AgroalDataSource db, SubjectRepository subjects, ConsentService consents,
                           RetentionRules retention, Clock clock, DataCategories categories, ExportSections sections,
                           AccessRecords accessRecords) {
        this.db = db;
        this.subjects = subjects;
        this.consents = consents;
        this.retention = retention;
        this.clock = clock;
        this.categories = categories;
        this.sections = sections;
        this.accessRecords = accessRecords;
    }

    public boolean known(SubjectRef ref) throws SQLException {
        try (Connection c = db.getConnection()) {
            return subjects.known(c, ref);
        }
    }

    /** Records that a service read the subject's data for someone (an access request): "who looked". */
    @Transactional(rollbackOn = Exception.class)
    public void recordRead(SubjectRef ref, Caller reader) throws SQLException {
        try (Connection c = db.getConnection()) {
            Optional<Long> id = subjects.findId(c, ref);
            if (id.isPresent()) {
                accessRecords.record(c, ref, reader, subjects.fieldCategories(c, id.get()).keySet());
            }
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
            Optional<Long> subjectId = subjects.findId(c, ref);
            fields(c, ref, subjectId, g);
            accessLogs(c, ref, g);
            consentHistory(c, ref, g);
            privacySignals(c, ref, g);
            accessRecords(c, ref, g);
            account(c, ref, g);
            policyAcceptances(c, ref, g);
            consentAttestations(c, subjectId, g);
            restrictions(c, ref, g);
            erasureReceipts(c, ref, g);
            g.writeEndObject();
        } catch (SQLException e) {
            throw new IOException("export of a subject failed", e);
        }
    }

    private void fields(Connection c, SubjectRef ref, Optional<Long> id, JsonGenerator g) throws SQLException, IOException {
        g.writeArrayFieldStart("fields");
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
                        String category = rs.getString(2);
                        g.writeStartObject();
                        g.writeStringField("what", what(category, name));
                        g.writeStringField("name", name);
                        g.writeStringField("value", SubjectKeys.decrypt(aead, subjectId, name, rs.getBytes(3)));
                        g.writeStringField("type", rs.getString(7));
                        g.writeStringField("category", category);
                        g.writeBooleanField("sensitive", rs.getBoolean(8));
                        g.writeStringField("source", rs.getString(4));
                        g.writeStringField("purpose", rs.getString(5));
                        g.writeStringField("retention", RetentionRules.describe(rules, category, orgStatus));
                        g.writeStringField("collectedAt", rs.getTimestamp(6).toInstant().toString());
                        g.writeEndObject();
                    }
                }
            }
        }
        g.writeEndArray();
    }

    /** "Email address (email)": the category's description and the field's own name. */
    private String what(String category, String name) {
        DataCategories.Category c = categories.all().get(category);
        return (c == null ? category : c.description()) + " (" + name + ")";
    }

    private void accessLogs(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        // the timestamp is formatted by PostgreSQL (ISO-8601, UTC): no per-row Timestamp/Instant objects
        streamArray(c, g, "accessLogs", sections.accessLog(), "select ip, to_char(at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), duration_ms, user_agent, path from access_log "
                + "where org = ? and kind = ? and subject_id = ? order by at, id", bySubject(ref), rs -> {
                    g.writeStringField("ip", rs.getString(1));
                    g.writeStringField("at", rs.getString(2));
                    g.writeNumberField("durationMs", rs.getLong(3));
                    g.writeStringField("userAgent", rs.getString(4));
                    g.writeStringField("path", rs.getString(5));
                });
    }

    private void consentHistory(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        // each choice names its own source (the customer, the Client's admin, a request), and its "purpose"
        // has always been the purpose the choice is about; why the choice itself is kept is "recordPurpose"
        streamArray(c, g, "consents", ExportSections.CONSENT, "select purpose, granted, at, actor, source from consent_event "
                + "where org = ? and kind = ? and subject_id = ? order by id", bySubject(ref), rs -> {
                    g.writeStringField("purpose", rs.getString(1));
                    g.writeStringField("recordPurpose", ExportSections.CONSENT.purpose());
                    g.writeBooleanField("granted", rs.getBoolean(2));
                    g.writeStringField("at", rs.getTimestamp(3).toInstant().toString());
                    g.writeStringField("actor", rs.getString(4));
                    g.writeStringField("source", rs.getString(5));
                });
    }

    private void privacySignals(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "privacySignals", ExportSections.PRIVACY_SIGNAL, "select gpc, received_at from privacy_signal "
                + "where org = ? and kind = ? and subject_id = ?", bySubject(ref), rs -> {
                    g.writeBooleanField("gpc", rs.getBoolean(1));
                    g.writeStringField("at", rs.getTimestamp(2).toInstant().toString());
                });
    }

    /**
     * Who looked, one item per reader and role however often they read (who, how many times, first,
     * last): PostgreSQL groups the rows, so the export stays as small as the number of readers.
     */
    private void accessRecords(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "accessRecords", ExportSections.ACCESS_RECORD, "select actor, actor_role, count(*), min(at), max(at), "
                + "(select string_agg(distinct f, ',' order by f) from unnest(string_to_array(string_agg(distinct fields, ','), ',')) f) "
                + "from access_record where org = ? and kind = ? and subject_id = ? "
                + "group by actor, actor_role order by min(at), actor, actor_role", bySubject(ref), rs -> {
                    g.writeStringField("actor", rs.getString(1));
                    g.writeStringField("role", rs.getString(2));
                    g.writeArrayFieldStart("fields");
                    for (String f : rs.getString(6).split(",")) {
                        g.writeString(f);
                    }
                    g.writeEndArray();
                    g.writeNumberField("count", rs.getLong(3));
                    g.writeStringField("firstAt", rs.getTimestamp(4).toInstant().toString());
                    g.writeStringField("lastAt", rs.getTimestamp(5).toInstant().toString());
                    g.writeStringField("at", rs.getTimestamp(5).toInstant().toString());
                });
    }

    private void account(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "account", ExportSections.ACCOUNT, "select a.status, a.created_at, a.terminated_at, "
                + "a.termination_reason, a.terminated_by, a.terminated_by_name from account a join subject s on s.id = a.subject_id "
                + "where s.org = ? and s.kind = ? and s.ext_id = ?", bySubject(ref), rs -> {
                    g.writeStringField("status", rs.getString(1));
                    g.writeStringField("createdAt", rs.getTimestamp(2).toInstant().toString());
                    if (rs.getTimestamp(3) != null) {
                        g.writeObjectFieldStart("termination");
                        g.writeStringField("at", rs.getTimestamp(3).toInstant().toString());
                        g.writeStringField("reason", rs.getString(4));
                        g.writeStringField("by", rs.getString(5));
                        g.writeStringField("byName", rs.getString(6));
                        g.writeEndObject();
                    }
                });
    }

    private void policyAcceptances(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        boolean account = ref.kind() == SubjectRef.Kind.ACCOUNT && SubjectRef.PROVIDER_ORG.equals(ref.org());
        streamArray(c, g, "policyAcceptances", ExportSections.POLICY_ACCEPTANCE, "select a.version, a.accepted_at, "
                + "v.effective_date, v.sha256 from policy_acceptance a join policy_version v on v.number = a.version "
                + "where a.sub = ? and ? order by a.accepted_at, a.version", ps -> {
                    ps.setString(1, ref.id());
                    ps.setBoolean(2, account);
                }, rs -> {
                    g.writeStringField("version", rs.getString(1));
                    g.writeStringField("acceptedAt", rs.getTimestamp(2).toInstant().toString());
                    g.writeStringField("effectiveDate", rs.getString(3));
                    g.writeStringField("sha256", rs.getString(4));
                });
    }

    private void consentAttestations(Connection c, Optional<Long> subjectId, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "consentAttestations", ExportSections.CONSENT_ATTESTATION, "select attested_by, attested_at, "
                + "attestation_basis, flagged_sensitive, written_by, written_at from end_user_record where subject_id = ?",
                ps -> ps.setLong(1, subjectId.orElse(-1L)), rs -> {
                    g.writeStringField("attestedBy", rs.getString(1));
                    g.writeStringField("attestedAt", rs.getTimestamp(2).toInstant().toString());
                    g.writeStringField("basis", rs.getString(3));
                    g.writeBooleanField("flaggedSensitive", rs.getBoolean(4));
                    g.writeStringField("writtenBy", rs.getString(5));
                    g.writeStringField("writtenAt", rs.getTimestamp(6).toInstant().toString());
                });
    }

    private void restrictions(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "restrictions", ExportSections.RESTRICTION, "select restricted, updated_at from restriction "
                + "where org = ? and kind = ? and subject_id = ?", bySubject(ref), rs -> {
                    g.writeBooleanField("restricted", rs.getBoolean(1));
                    g.writeStringField("at", rs.getTimestamp(2).toInstant().toString());
                });
    }

    private void erasureReceipts(Connection c, SubjectRef ref, JsonGenerator g) throws SQLException, IOException {
        streamArray(c, g, "erasureReceipts", ExportSections.ERASURE_RECEIPT, "select erased_at, receipt from erasure_receipt "
                + "where org = ? and kind = ? and subject_id = ? order by erased_at", bySubject(ref), rs -> {
                    g.writeStringField("at", rs.getTimestamp(1).toInstant().toString());
                    g.writeFieldName("receipt");
                    g.writeRawValue(rs.getString(2));
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowWriter {
        void write(ResultSet row) throws SQLException, IOException;
    }

    /**
     * One array of the export: the subject's rows of one query, each written as an object while the
     * cursor moves, opened by the five facts of its section (a row may then state its own source).
     */
    private static void streamArray(Connection c, JsonGenerator g, String name, ExportSections.Description d, String sql,
                                    Binder binder, RowWriter row) throws SQLException, IOException {
        g.writeArrayFieldStart(name);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    g.writeStartObject();
                    g.writeStringField("what", d.what());
                    g.writeStringField("category", d.category());
                    if (d.source() != null) {
                        g.writeStringField("source", d.source());
                        g.writeStringField("purpose", d.purpose());
                    }
                    g.writeStringField("retention", d.retention());
                    row.write(rs);
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static Binder bySubject(SubjectRef ref) {
        return ps -> {
            ps.setString(1, ref.org());
            ps.setString(2, ref.kind().name());
            ps.setString(3, ref.id());
        };
    }
}
