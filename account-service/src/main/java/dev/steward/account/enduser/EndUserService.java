package dev.steward.account.enduser;

import com.google.crypto.tink.Aead;
import dev.steward.account.organisation.Organisation;
import dev.steward.account.organisation.OrganisationService;
import dev.steward.account.subject.AccessRecords;
import dev.steward.account.subject.FieldRow;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.account.taxonomy.DataCategories;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import dev.steward.account.platform.crypto.SubjectKeys;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import org.postgresql.PGConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * End-user records stored for a Client (§2, §10): typed, categorised, attested, encrypted per subject.
 * JDBC (joining the transaction): a batch's fields go in with one COPY, its records with one JDBC batch.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class EndUserService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EndUserService.class);
    public static final String SOURCE = "CLIENT";
    public static final String DEFAULT_PURPOSE = "stored on behalf of the Client to provide the service (§2)";

    private final AgroalDataSource db;
    private final SubjectRepository subjects;
    private final DataCategories categories;
    private final OrganisationService orgs;
    private final AccessRecords accessRecords;

    public EndUserService(AgroalDataSource db, SubjectRepository subjects, DataCategories categories,
                          OrganisationService orgs, AccessRecords accessRecords) {
        this.db = db;
        this.subjects = subjects;
        this.categories = categories;
        this.orgs = orgs;
        this.accessRecords = accessRecords;
    }

    public record Written(int records, int attributes, int flaggedSensitive) {
    }

    /** Validates the whole batch first (every error named by its path), then writes it, all or nothing. */
    public Written write(String org, EndUserBatch batch, String writtenBy) throws SQLException {
        Organisation o = orgs.get(org);
        if (o.status != Organisation.Status.ACTIVE) {
            throw ProblemException.unprocessable("org-not-active", "Organisation not active",
                    "Organisation " + org + " is " + o.status + "; it cannot store new end-user data");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean[] flagged = new boolean[batch.records().size()];
        int attributeCount = 0;
        for (int i = 0; i < batch.records().size(); i++) {
            EndUserBatch.Record r = batch.records().get(i);
            String p = "records[" + i + "]";
            if (!seen.add(r.id())) {
                errors.add(new Problem.FieldError(p + ".id", "appears twice in this batch"));
            }
            if (r.attestation() == null) {
                errors.add(new Problem.FieldError(p + ".attestation",
                        "a consent attestation (attestedBy, attestedAt, basis) is required (§2)"));
            }
            Set<String> names = new HashSet<>();
            for (int j = 0; j < r.attributes().size(); j++) {
                EndUserBatch.Attribute a = r.attributes().get(j);
                String ap = p + ".attributes[" + j + "]";
                attributeCount++;
                if (!names.add(a.name())) {
                    errors.add(new Problem.FieldError(ap + ".name", "appears twice in this record"));
                }
                if (!categories.known(a.category())) {
                    errors.add(new Problem.FieldError(ap + ".category", "is not a data category of the taxonomy (GET /data-categories)"));
                } else if (categories.sensitive(a.category())) {
                    if (!o.sensitiveDataAcknowledged) {
                        errors.add(new Problem.FieldError(ap + ".category",
                                "is a sensitive category (§10); the organisation has not acknowledged storing sensitive data"));
                    }
                    flagged[i] = true;
                }
                String typeError = typeError(a);
                if (typeError != null) {
                    errors.add(new Problem.FieldError(ap + ".value", typeError));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("end-user-records-refused", "End-user records refused",
                    errors.size() + " problem(s) in the batch; nothing was stored",
                    errors.toArray(Problem.FieldError[]::new));
        }
        int flaggedCount = 0;
        for (boolean f : flagged) {
            flaggedCount += f ? 1 : 0;
        }
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection()) {
            List<String> ids = batch.records().stream().map(EndUserBatch.Record::id).toList();
            SubjectRepository.WithKeys ensured = subjects.ensureWithKeys(c, org, SubjectRef.Kind.END_USER, ids);
            Map<String, Long> subjectIds = ensured.ids();
            Map<Long, Aead> keys = ensured.keys();
            long t1 = System.nanoTime();
            try (PreparedStatement del = c.prepareStatement("delete from personal_field f using unnest(?::bigint[]) x(id) where f.subject_id = x.id")) {
                del.setArray(1, c.createArrayOf("bigint", subjectIds.values().toArray()));
                del.executeUpdate();
            }
            // fields: one COPY of the whole batch (its subjects' old fields were just deleted)
            StringBuilder csv = new StringBuilder(batch.records().size() * 400);
            try (PreparedStatement rec = c.prepareStatement("insert into end_user_record (subject_id, org, attested_by, "
                         + "attested_at, attestation_basis, flagged_sensitive, written_by, written_at) values (?, ?, ?, ?, ?, ?, ?, now()) "
                         + "on conflict (subject_id) do update set attested_by = excluded.attested_by, "
                         + "attested_at = excluded.attested_at, attestation_basis = excluded.attestation_basis, "
                         + "flagged_sensitive = excluded.flagged_sensitive, written_by = excluded.written_by, written_at = now()")) {
                for (int i = 0; i < batch.records().size(); i++) {
                    EndUserBatch.Record r = batch.records().get(i);
                    long id = subjectIds.get(r.id());
                    Aead aead = keys.get(id);
                    for (EndUserBatch.Attribute a : r.attributes()) {
                        csv.append(id).append(',');
                        quote(csv, a.name()).append(',');
                        csv.append((a.type() == null ? EndUserBatch.ValueType.STRING : a.type()).name()).append(',');
                        quote(csv, a.category()).append(",\\x");
                        hex(csv, SubjectKeys.encrypt(aead, id, a.name(), a.value())).append(',');
                        csv.append(SOURCE).append(',');
                        quote(csv, a.purpose() == null ? DEFAULT_PURPOSE : a.purpose()).append(',');
                        csv.append(categories.sensitive(a.category())).append('\n');
                    }
                    rec.setLong(1, id);
                    rec.setString(2, org);
                    rec.setString(3, r.attestation().attestedBy());
                    rec.setTimestamp(4, Timestamp.from(r.attestation().attestedAt()));
                    rec.setString(5, r.attestation().basis());
                    rec.setBoolean(6, flagged[i]);
                    rec.setString(7, writtenBy);
                    rec.addBatch();
                }
                long t2 = System.nanoTime();
                try {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY personal_field (subject_id, name, value_type, "
                            + "category, value_ct, source, purpose, sensitive) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
                } catch (IOException e) {
                    throw new SQLException("COPY of end-user fields failed", e);
                }
                long t3 = System.nanoTime();
                rec.executeBatch();
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("end-user batch of %d: subjects+keys %d ms, encrypt+build %d ms, copy %d ms, records %d ms",
                            batch.records().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                            (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
                }
            }
            return new Written(batch.records().size(), attributeCount, flaggedCount);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static StringBuilder quote(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        return sb.append('"');
    }

    private static StringBuilder hex(StringBuilder sb, byte[] bytes) {
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb;
    }

    private static String typeError(EndUserBatch.Attribute a) {
        if (a.type() == null || a.value() == null) {
            return null;
        }
        try {
            switch (a.type()) {
                case NUMBER -> new BigDecimal(a.value());
                case DATE -> LocalDate.parse(a.value());
                case BOOLEAN -> {
                    if (!a.value().equals("true") && !a.value().equals("false")) {
                        return "must be true or false for type BOOLEAN";
                    }
                }
                default -> {
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "is not a valid " + a.type() + " value";
        }
    }

    public Optional<EndUserView> read(String org, String id, Caller reader) throws SQLException {
        SubjectRef ref = new SubjectRef(org, SubjectRef.Kind.END_USER, id);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select r.subject_id, r.attested_by, r.attested_at, "
                     + "r.attestation_basis, r.flagged_sensitive, r.written_at from end_user_record r "
                     + "join subject s on s.id = r.subject_id where s.org = ? and s.kind = 'END_USER' and s.ext_id = ?")) {
            ps.setString(1, org);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long subjectId = rs.getLong(1);
                var attestation = new EndUserView.Attestation(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
                boolean flaggedSensitive = rs.getBoolean(5);
                var writtenAt = rs.getTimestamp(6).toInstant();
                List<EndUserView.Attribute> attrs = new ArrayList<>();
                Set<String> names = new LinkedHashSet<>();
                for (FieldRow f : subjects.fields(c, subjectId)) {
                    attrs.add(new EndUserView.Attribute(f.name(), f.type(), f.value(), f.category(), f.purpose(),
                            f.sensitive(), f.collectedAt()));
                    names.add(f.name());
                }
                accessRecords.record(c, ref, reader, names);
                return Optional.of(new EndUserView(id, attrs, attestation, flaggedSensitive, writtenAt));
            }
        }
    }

    public boolean exists(String org, String id) throws SQLException {
        try (Connection c = db.getConnection()) {
            return subjects.findId(c, new SubjectRef(org, SubjectRef.Kind.END_USER, id)).isPresent();
        }
    }

    public List<EndUserView.Summary> list(String org, String after, int limitPlusOne) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select s.ext_id, r.flagged_sensitive, r.written_at "
                     + "from subject s join end_user_record r on r.subject_id = s.id "
                     + "where s.org = ? and s.kind = 'END_USER' and s.ext_id > ? order by s.ext_id limit ?")) {
            ps.setString(1, org);
            ps.setString(2, after == null ? "" : after);
            ps.setInt(3, limitPlusOne);
            List<EndUserView.Summary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EndUserView.Summary(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        }
    }
}
