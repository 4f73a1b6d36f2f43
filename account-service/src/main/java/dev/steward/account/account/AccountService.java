package dev.steward.account.account;

import com.google.crypto.tink.Aead;
import dev.steward.account.platform.crypto.BlindIndex;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.account.subject.AccessRecords;
import dev.steward.account.subject.FieldRow;
import dev.steward.account.subject.SubjectRepository;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts of directly signed-up customers (§2, §11): org {@code steward}, kind ACCOUNT, id = token sub.
 * JDBC (joining the transaction): the encrypted fields are written and read as a set per subject on the
 * hot path ({@code GET /me}), with the per-subject key.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class AccountService {

    static final int MINIMUM_AGE = 13;

    private final AgroalDataSource db;
    private final SubjectRepository subjects;
    private final BlindIndex blindIndex;
    private final AccessRecords accessRecords;
    private final Clock clock;

    public AccountService(AgroalDataSource db, SubjectRepository subjects, BlindIndex blindIndex,
                          AccessRecords accessRecords, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.subjects = subjects;
        this.blindIndex = blindIndex;
        this.accessRecords = accessRecords;
    }

    public static SubjectRef ref(String sub) {
        return new SubjectRef(SubjectRef.PROVIDER_ORG, SubjectRef.Kind.ACCOUNT, sub);
    }

    /**
     * Signs a customer up. Refusals (card number, under 13, a §8(c) block) happen before anything is
     * written, and their problem never repeats the value that was refused.
     */
    public AccountView signUp(String sub, NewAccount body) throws SQLException {
        checkAge(body.birthDate(), body.ageConfirmed());
        byte[] bidx = blindIndex.email(body.email());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fullName", body.fullName());
        values.put("email", body.email().trim());
        values.put("phone", body.phone());
        values.put("billingAddress", body.billingAddress());
        values.put("paymentToken", body.paymentToken());
        values.put("cardLast4", body.cardLast4());
        try (Connection c = db.getConnection()) {
            if (exists(c, "select 1 from blocked_identity where email_bidx = ?", bidx)) {
                throw ProblemException.unprocessable("registration-refused", "Registration refused",
                        "This email address cannot be registered (§8(c)).");
            }
            if (exists(c, "select 1 from account where sub = ?", sub)) {
                throw ProblemException.conflict("account-exists", "Account exists",
                        "You already have an account; use PATCH /me to change it");
            }
            if (emailTaken(c, bidx, sub)) {
                throw ProblemException.conflict("email-taken", "Email taken",
                        "Another account uses this email address");
            }
            long id = subjects.ensure(c, ref(sub));
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into account (subject_id, sub, email_bidx) values (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, sub);
                ps.setBytes(3, bidx);
                ps.executeUpdate();
            }
            subjects.upsertFields(c, id, subjects.keys().get(c, id), rows(values));
        }
        return read(sub, null).orElseThrow();
    }

    void checkAge(LocalDate birthDate, Boolean ageConfirmed) {
        if (birthDate != null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (birthDate.isAfter(today)) {
                throw ProblemException.unprocessable("invalid-birth-date", "Invalid birth date",
                        "The birth date is in the future. Nothing was stored.",
                        new Problem.FieldError("birthDate", "must be in the past"));
            }
            if (Period.between(birthDate, today).getYears() < MINIMUM_AGE) {
                throw tooYoung("birthDate");
            }
            return;
        }
        if (ageConfirmed == null) {
            throw ProblemException.unprocessable("age-required", "Age required",
                    "Send your birth date or confirm that you are 13 or older (§11). Nothing was stored.",
                    new Problem.FieldError("birthDate", "send a birth date or ageConfirmed: true"));
        }
        if (!ageConfirmed) {
            throw tooYoung("ageConfirmed");
        }
    }

    private static ProblemException tooYoung(String field) {
        return ProblemException.unprocessable("under-13", "Too young to sign up",
                "The service is not directed to children under 13 (§11). Nothing about you was stored.",
                new Problem.FieldError(field, "you must be 13 or older"));
    }

    /**
     * The caller's own account; records the read ("who looked") when someone other than the subject reads it.
     * The hot path of {@code GET /me} (issue 17 P1): the account and its encrypted fields come back in one
     * statement, and the data key from the cache; a single read needs no transaction of its own (joined when
     * the caller has one), so it costs one round trip instead of four (begin, account, fields, commit).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> read(String sub, Caller reader) throws SQLException {
        try (Connection c = db.getConnection()) {
            long subjectId;
            String status;
            Instant createdAt;
            Map<String, String> v = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select a.subject_id, a.status, a.created_at, f.name, f.value_ct "
                    + "from account a left join personal_field f on f.subject_id = a.subject_id where a.sub = ? order by f.name")) {
                ps.setString(1, sub);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    subjectId = rs.getLong(1);
                    status = rs.getString(2);
                    createdAt = rs.getTimestamp(3).toInstant();
                    Aead aead = null;
                    do {
                        String name = rs.getString(4);
                        if (name != null) {
                            aead = aead == null ? subjects.keys().get(c, subjectId) : aead;
                            v.put(name, SubjectKeys.decrypt(aead, subjectId, name, rs.getBytes(5)));
                        }
                    } while (rs.next());
                }
            }
            if (reader != null) {
                accessRecords.record(c, ref(sub), reader, v.keySet());
            }
            return Optional.of(new AccountView(sub, v.get("fullName"), v.get("email"), v.get("phone"),
                    v.get("billingAddress"), v.get("paymentToken"), v.get("cardLast4"), status, createdAt));
        }
    }

    public AccountView patch(String sub, AccountPatch patch) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        putIf(values, "fullName", patch.fullName());
        putIf(values, "email", patch.email() == null ? null : patch.email().trim());
        putIf(values, "phone", patch.phone());
        putIf(values, "billingAddress", patch.billingAddress());
        putIf(values, "paymentToken", patch.paymentToken());
        putIf(values, "cardLast4", patch.cardLast4());
        try (Connection c = db.getConnection()) {
            AccountRow row = row(c, sub).orElseThrow(() -> ProblemException.notFound("Account"));
            write(c, row.subjectId(), sub, values);
        }
        return read(sub, null).orElseThrow();
    }

    /** Writes account fields (PATCH /me and rectification), keeping the email's blind index in step. */
    public List<String> write(Connection c, long subjectId, String sub, Map<String, String> changes) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>(changes);
        if (values.containsKey("email")) {
            values.put("email", Emails.normalise(values.get("email")));
            byte[] bidx = blindIndex.email(values.get("email"));
            if (emailTaken(c, bidx, sub)) {
                throw ProblemException.conflict("email-taken", "Email taken", "Another account uses this email address");
            }
            try (PreparedStatement ps = c.prepareStatement("update account set email_bidx = ? where subject_id = ?")) {
                ps.setBytes(1, bidx);
                ps.setLong(2, subjectId);
                ps.executeUpdate();
            }
        }
        Aead aead = subjects.keys().get(c, subjectId);
        subjects.upsertFields(c, subjectId, aead, rows(values));
        return new ArrayList<>(values.keySet());
    }

    /**
     * §8(c) officer action: the account was cancelled for a violation of the Service Agreement. Records
     * who (id and name from the officer's token), when and why; a second termination is a 409 and
     * leaves the first record as it was.
     */
    public TerminationView terminate(String sub, Termination why, Caller officer) throws SQLException {
        Instant at = clock.instant();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("update account set status = 'TERMINATED_FOR_VIOLATION', "
                    + "terminated_by = ?, terminated_by_name = ?, terminated_at = ?, termination_reason = ? "
                    + "where sub = ? and status = 'ACTIVE'")) {
                ps.setString(1, officer.id());
                ps.setString(2, officer.name());
                ps.setTimestamp(3, java.sql.Timestamp.from(at));
                ps.setString(4, why.reason());
                ps.setString(5, sub);
                if (ps.executeUpdate() == 0) {
                    if (row(c, sub).isEmpty()) {
                        throw ProblemException.notFound("Account " + sub);
                    }
                    throw ProblemException.conflict("already-terminated", "Already terminated",
                            "The account was already terminated for a violation; the first termination stands");
                }
            }
        }
        return new TerminationView(sub, "TERMINATED_FOR_VIOLATION", officer.id(), officer.name(), at, why.reason());
    }

    /** Blind-index look-up: the account (sub) registered with this email, if any. */
    public Optional<String> findSubByEmail(String email) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select sub from account where email_bidx = ?")) {
            ps.setBytes(1, blindIndex.email(email));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean emailTaken(Connection c, byte[] bidx, String sub) throws SQLException {
        return exists(c, "select 1 from account where email_bidx = ? and sub <> ?", bidx, sub);
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    record AccountRow(long subjectId, String status, Instant createdAt) {
    }

    private static Optional<AccountRow> row(Connection c, String sub) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select subject_id, status, created_at from account where sub = ?")) {
            ps.setString(1, sub);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AccountRow(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }

    private static List<FieldRow> rows(Map<String, String> values) {
        List<FieldRow> out = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                out.add(FieldRow.of(name, AccountFields.CATEGORIES.get(name), value, AccountFields.SOURCE,
                        AccountFields.PURPOSE));
            }
        });
        return out;
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
