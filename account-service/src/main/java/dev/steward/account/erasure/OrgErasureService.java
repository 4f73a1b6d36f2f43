package dev.steward.account.erasure;

import static dev.steward.account.erasure.ErasureService.keepAccessLogs;
import static dev.steward.account.erasure.ErasureService.update;

import dev.steward.account.organisation.Organisation;
import dev.steward.account.peer.HoldsClient;
import dev.steward.account.peer.LegalHolds;
import dev.steward.account.platform.crypto.BlindIndex;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Erases every end user a Client stored (its service ended or it was terminated): a handful of
 * set-based DELETEs (JDBC) in one transaction with its own timeout, the data keys included, whatever
 * the number of records. The hold check runs before it.
 */
@ApplicationScoped
public class OrgErasureService {

    /** A long job: 1,000,000 end users took under two minutes in bench/account; this bounds a stuck one. */
    static final int TIMEOUT_SECONDS = 1800;

    private final AgroalDataSource db;
    private final SubjectKeys keys;
    private final BlindIndex blindIndex;
    private final LegalHolds holds;

    public OrgErasureService(AgroalDataSource db, SubjectKeys keys, BlindIndex blindIndex, LegalHolds holds) {
        this.db = db;
        this.keys = keys;
        this.blindIndex = blindIndex;
        this.holds = holds;
    }

    public ErasureReceipt erase(String org, String requestId) throws SQLException {
        if (SubjectRef.PROVIDER_ORG.equals(org)) {
            throw ProblemException.unprocessable("provider-org", "The provider's own org",
                    "Direct customers are erased one by one, never as an org");
        }
        HoldsClient.Holds h = holds.of(new SubjectRef(org, SubjectRef.Kind.END_USER, "*"));
        if (h.held()) {
            String reason = "legal hold " + h.holds().stream().map(HoldsClient.Hold::id).collect(Collectors.joining(", "));
            return new ErasureReceipt(requestId, List.of(), List.of(new ErasureReceipt.Kept(
                    "all end-user data of the organisation", 1, "8b", reason)));
        }
        ErasureReceipt receipt = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection c = db.getConnection()) {
                Organisation o = Organisation.findById(org, LockModeType.PESSIMISTIC_WRITE);
                if (o == null) {
                    throw ProblemException.notFound("Organisation " + org);
                }
                List<ErasureReceipt.Erased> erased = new ArrayList<>();
                List<ErasureReceipt.Kept> kept = new ArrayList<>();
                if (o.status == Organisation.Status.TERMINATED_FOR_VIOLATION) {
                    long blocked = blockEmails(c, org);
                    kept.add(new ErasureReceipt.Kept("keyed blind indexes of end users' email addresses", blocked, "8c",
                            "organisation terminated for a violation; kept to prevent re-registration"));
                }
                erased.add(new ErasureReceipt.Erased("personal fields", update(c,
                        "delete from personal_field f using subject s where f.subject_id = s.id and s.org = ?", org)));
                erased.add(new ErasureReceipt.Erased("end-user records and consent attestations", update(c,
                        "delete from end_user_record where org = ?", org)));
                erased.add(new ErasureReceipt.Erased("data keys (crypto-shredded)", update(c,
                        "delete from subject_key k using subject s where k.subject_id = s.id and s.org = ?", org)));
                erased.add(new ErasureReceipt.Erased("consent history", update(c, "delete from consent_event where org = ?", org)));
                erased.add(new ErasureReceipt.Erased("Global Privacy Control signals", update(c, "delete from privacy_signal where org = ?", org)));
                erased.add(new ErasureReceipt.Erased("access records (who looked)", update(c, "delete from access_record where org = ?", org)));
                update(c, "delete from restriction where org = ?", org);
                update(c, "delete from subject where org = ?", org);
                keepAccessLogs(c, kept, "org = ?", org);
                return new ErasureReceipt(requestId, erased, kept);
            }
        });
        keys.evictAll();
        return receipt;
    }

    private long blockEmails(Connection c, String org) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("select f.subject_id, f.name, f.value_ct from personal_field f "
                + "join subject s on s.id = f.subject_id where s.org = ? and f.category = 'user.contact.email'");
             PreparedStatement ins = c.prepareStatement("insert into blocked_identity (email_bidx, org, reason) values (?, ?, ?) "
                     + "on conflict do nothing")) {
            ps.setFetchSize(1000);
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String email = SubjectKeys.decrypt(keys.get(c, id), id, rs.getString(2), rs.getBytes(3));
                    ins.setBytes(1, blindIndex.email(email));
                    ins.setString(2, org);
                    ins.setString(3, "organisation terminated for a violation (§8(c))");
                    ins.addBatch();
                    if (++n % 1000 == 0) {
                        ins.executeBatch();
                    }
                }
            }
            ins.executeBatch();
        }
        return n;
    }
}
