package dev.steward.account.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import dev.steward.account.peer.HoldsClient;
import dev.steward.account.peer.LegalHolds;
import dev.steward.account.platform.crypto.BlindIndex;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.platform.text.LogIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Erasure (§8): set-based deletes plus destroying the data key (crypto-shredding), honouring the
 * exceptions — (a) network access logs are kept, (b) a legal hold blocks erasure, (c) a subject
 * terminated for a violation keeps only the blind index of its email. One receipt per request id.
 * JDBC: set-based deletes in one transaction, started after the hold check (a peer call).
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private static final String SUBJECT = "org = ? and kind = ? and subject_id = ?";

    private final AgroalDataSource db;
    private final SubjectRepository subjects;
    private final BlindIndex blindIndex;
    private final LegalHolds holds;
    private final ObjectMapper json;

    public ErasureService(AgroalDataSource db, SubjectRepository subjects, BlindIndex blindIndex, LegalHolds holds,
                          ObjectMapper json) {
        this.db = db;
        this.subjects = subjects;
        this.blindIndex = blindIndex;
        this.holds = holds;
        this.json = json;
    }

    public ErasureReceipt erase(SubjectRef ref, String requestId) throws SQLException {
        Optional<ErasureReceipt> earlier = receipt(requestId, ref);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        HoldsClient.Holds h = holds.of(ref);
        if (h.held()) {
            // not stored: once the hold is released the same request may be retried and then erase
            String reason = "legal hold " + h.holds().stream().map(x -> x.id() + " (" + x.scope() + ": " + x.reason() + ")")
                    .collect(Collectors.joining(", "));
            return new ErasureReceipt(requestId, List.of(),
                    List.of(new ErasureReceipt.Kept("all personal data of the subject", 1, "8b", reason)));
        }
        List<Long> shredded = new ArrayList<>();
        ErasureReceipt receipt = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "erasure:" + requestId);
                    lock.executeQuery().close();
                }
                Optional<ErasureReceipt> again = receipt(c, requestId, ref);
                if (again.isPresent()) {
                    return again.get();
                }
                List<ErasureReceipt.Erased> erased = new ArrayList<>();
                List<ErasureReceipt.Kept> kept = new ArrayList<>();
                Optional<Long> id = subjects.findId(c, ref);
                if (id.isPresent()) {
                    long subjectId = id.get();
                    String violation = violation(c, ref, subjectId);
                    if (violation != null) {
                        byte[] bidx = emailIndex(c, ref, subjectId);
                        if (bidx != null) {
                            try (PreparedStatement ps = c.prepareStatement("insert into blocked_identity (email_bidx, org, reason) "
                                    + "values (?, ?, ?) on conflict do nothing")) {
                                ps.setBytes(1, bidx);
                                ps.setString(2, ref.org());
                                ps.setString(3, violation);
                                ps.executeUpdate();
                            }
                            kept.add(new ErasureReceipt.Kept("keyed blind index of the email address", 1, "8c",
                                    violation + "; kept to prevent re-registration"));
                        }
                    }
                    erased.add(new ErasureReceipt.Erased("personal fields",
                            update(c, "delete from personal_field where subject_id = ?", subjectId)));
                    if (ref.kind() == SubjectRef.Kind.ACCOUNT) {
                        erased.add(new ErasureReceipt.Erased("policy acceptances",
                                update(c, "delete from policy_acceptance where sub = ?", ref.id())));
                        erased.add(new ErasureReceipt.Erased("account",
                                update(c, "delete from account where subject_id = ?", subjectId)));
                    } else {
                        erased.add(new ErasureReceipt.Erased("end-user record and consent attestation",
                                update(c, "delete from end_user_record where subject_id = ?", subjectId)));
                    }
                    erased.add(new ErasureReceipt.Erased("data key (crypto-shredded)",
                            update(c, "delete from subject_key where subject_id = ?", subjectId)));
                    update(c, "delete from subject where id = ?", subjectId);
                    shredded.add(subjectId);
                }
                erased.add(new ErasureReceipt.Erased("consent history", deleteRef(c, "consent_event", ref)));
                erased.add(new ErasureReceipt.Erased("Global Privacy Control signal", deleteRef(c, "privacy_signal", ref)));
                erased.add(new ErasureReceipt.Erased("access records (who looked)", deleteRef(c, "access_record", ref)));
                deleteRef(c, "restriction", ref);
                keepAccessLogs(c, kept, SUBJECT, ref.org(), ref.kind().name(), ref.id());
                ErasureReceipt r = new ErasureReceipt(requestId, erased, kept);
                try (PreparedStatement ps = c.prepareStatement("insert into erasure_receipt (request_id, org, kind, subject_id, receipt) "
                        + "values (?, ?, ?, ?, ?)")) {
                    ps.setString(1, requestId);
                    ps.setString(2, ref.org());
                    ps.setString(3, ref.kind().name());
                    ps.setString(4, ref.id());
                    ps.setString(5, toJson(r));
                    ps.executeUpdate();
                }
                return r;
            }
        });
        subjects.keys().evict(shredded);
        // the request id is the caller's text: the log gets a digest of it, never the text itself
        LOG.infof("Erasure %s done: %d subject key(s) destroyed", LogIds.of(requestId), shredded.size());
        return receipt;
    }

    /** §8(c): why this subject is terminated for a violation, or null. */
    private static String violation(Connection c, SubjectRef ref, long subjectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select o.status = 'TERMINATED_FOR_VIOLATION', "
                + "coalesce((select a.status = 'TERMINATED_FOR_VIOLATION' from account a where a.subject_id = ?), false) "
                + "from organisation o where o.id = ?")) {
            ps.setLong(1, subjectId);
            ps.setString(2, ref.org());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (rs.getBoolean(2)) {
                    return "account terminated for a violation of the Service Agreement (§8(c))";
                }
                if (rs.getBoolean(1)) {
                    return "organisation terminated for a violation of the Service Agreement (§8(c))";
                }
                return null;
            }
        }
    }

    private byte[] emailIndex(Connection c, SubjectRef ref, long subjectId) throws SQLException {
        if (ref.kind() == SubjectRef.Kind.ACCOUNT) {
            try (PreparedStatement ps = c.prepareStatement("select email_bidx from account where subject_id = ?")) {
                ps.setLong(1, subjectId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select name, value_ct from personal_field where subject_id = ? "
                + "and category = 'user.contact.email' order by name limit 1")) {
            ps.setLong(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Aead aead = subjects.keys().get(c, subjectId);
                return blindIndex.email(SubjectKeys.decrypt(aead, subjectId, rs.getString(1), rs.getBytes(2)));
            }
        }
    }

    private Optional<ErasureReceipt> receipt(String requestId, SubjectRef ref) throws SQLException {
        try (Connection c = db.getConnection()) {
            return receipt(c, requestId, ref);
        }
    }

    private Optional<ErasureReceipt> receipt(Connection c, String requestId, SubjectRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select org, kind, subject_id, receipt from erasure_receipt where request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(ref.org()) || !rs.getString(2).equals(ref.kind().name())
                        || !rs.getString(3).equals(ref.id())) {
                    throw ProblemException.conflict("request-id-reused", "Request id reused",
                            "Request " + requestId + " already erased another subject");
                }
                try {
                    return Optional.of(json.readValue(rs.getString(4), ErasureReceipt.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored receipt unreadable", e);
                }
            }
        }
    }

    private String toJson(ErasureReceipt r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long deleteRef(Connection c, String table, SubjectRef ref) throws SQLException {
        return update(c, "delete from " + table + " where " + SUBJECT, ref.org(), ref.kind().name(), ref.id());
    }

    /** One set-based statement of an erasure (JDBC, in the caller's transaction); answers how many rows it changed. */
    static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** §8(a): network access logs are kept through an erasure; the receipt says how many. */
    static void keepAccessLogs(Connection c, List<ErasureReceipt.Kept> kept, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from access_log where " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    kept.add(new ErasureReceipt.Kept("network access logs", rs.getLong(1), "8a",
                            "network access logs may be kept (§8(a)); purged after their retention period"));
                }
            }
        }
    }
}
