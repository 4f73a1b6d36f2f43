package dev.steward.disclosure.record;

import dev.steward.disclosure.ledger.ContentDigests;
import dev.steward.disclosure.ledger.LedgerContent;
import dev.steward.disclosure.ledger.WriteBatch;
import dev.steward.disclosure.record.NewDisclosure.Attachment;
import dev.steward.disclosure.record.NewDisclosure.NonDisclosureOrder;
import dev.steward.disclosure.record.NewDisclosure.Recipient;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Disclosure records: written only through the ledger writer (same transaction as their ledger
 * entry), read back with their subjects and attachments.
 */
@ApplicationScoped
public class DisclosureRepository implements ContentDigests {

    static final String COLUMNS = "d.id, d.recorded_at, d.recorded_by, d.recipient_type, d.recipient_name,"
            + " d.recipient_contact, d.legal_basis, d.case_reference, d.received_on, d.disclosed_on, d.data_categories,"
            + " d.purpose, d.outcome, d.approver, d.nondisclosure_until, d.nondisclosure_indefinite,"
            + " d.nondisclosure_review_on, d.corrects, d.correction_note, d.ledger_seq";

    public record Stored(DisclosureRecord record, long ledgerSeq) {
    }

    private final AgroalDataSource db;

    public DisclosureRepository(AgroalDataSource db) {
        this.db = db;
    }

    /** The ledger content for a new record: its rows go in with the ledger entry, in one transaction. */
    public LedgerContent content(DisclosureRecord r) {
        String digest = r.digest();
        return new LedgerContent() {
            @Override
            public String type() {
                return r.ledgerType();
            }

            @Override
            public UUID ref() {
                return r.id();
            }

            @Override
            public String digest() {
                return digest;
            }

            @Override
            public Instant recordedAt() {
                return r.recordedAt();
            }

            @Override
            public void write(WriteBatch batch, long seq) throws SQLException {
                insert(batch, r, seq);
            }
        };
    }

    private static void insert(WriteBatch batch, DisclosureRecord r, long seq) throws SQLException {
        PreparedStatement d = batch.statement("insert into disclosure (id, ledger_seq, recorded_at, recorded_by,"
                + " recipient_type, recipient_name, recipient_contact, legal_basis, case_reference, received_on,"
                + " disclosed_on, data_categories, purpose, outcome, approver, nondisclosure_until,"
                + " nondisclosure_indefinite, nondisclosure_review_on, corrects, correction_note)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        NonDisclosureOrder ndo = r.nonDisclosureOrder();
        d.setObject(1, r.id());
        d.setLong(2, seq);
        d.setTimestamp(3, Timestamp.from(r.recordedAt()));
        d.setString(4, r.recordedBy());
        d.setString(5, r.recipient().type().name());
        d.setString(6, r.recipient().name());
        d.setString(7, r.recipient().contact());
        d.setString(8, r.legalBasis().name());
        d.setString(9, r.caseReference());
        d.setDate(10, Date.valueOf(r.receivedOn()));
        d.setDate(11, r.disclosedOn() == null ? null : Date.valueOf(r.disclosedOn()));
        d.setArray(12, batch.connection().createArrayOf("text", r.dataCategories().toArray()));
        d.setString(13, r.purpose());
        d.setString(14, r.outcome().name());
        d.setString(15, r.approver());
        d.setDate(16, ndo == null || ndo.until() == null ? null : Date.valueOf(ndo.until()));
        d.setBoolean(17, ndo != null && ndo.indefinite());
        d.setDate(18, ndo == null || ndo.reviewOn() == null ? null : Date.valueOf(ndo.reviewOn()));
        d.setObject(19, r.corrects());
        d.setString(20, r.correctionNote());
        d.addBatch();
        PreparedStatement s = batch.statement("insert into disclosure_subject (disclosure_id, ordinal, org, kind,"
                + " subject_id) values (?, ?, ?, ?, ?)");
        int i = 0;
        for (SubjectRef ref : r.subjects()) {
            s.setObject(1, r.id());
            s.setInt(2, i++);
            s.setString(3, ref.org());
            s.setString(4, ref.kind().name());
            s.setString(5, ref.id());
            s.addBatch();
        }
        if (!r.attachments().isEmpty()) {
            PreparedStatement a = batch.statement("insert into disclosure_attachment (disclosure_id, ordinal, name,"
                    + " sha256, media_type) values (?, ?, ?, ?, ?)");
            int j = 0;
            for (Attachment att : r.attachments()) {
                a.setObject(1, r.id());
                a.setInt(2, j++);
                a.setString(3, att.name());
                a.setString(4, att.sha256());
                a.setString(5, att.mediaType());
                a.addBatch();
            }
        }
    }

    public boolean exists(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from disclosure where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Stored> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection()) {
            List<Stored> one = load(c, List.of(id));
            return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
        }
    }

    /** Ids of the entries that correct {@code id}, oldest first. */
    public List<UUID> correctedBy(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from disclosure where corrects = ? order by ledger_seq")) {
            ps.setObject(1, id);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    /** One page, newest first, after ({@code afterAt}, {@code afterId}); optionally only one subject's. */
    public List<Stored> page(SubjectRef subject, Instant afterAt, UUID afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select d.id from disclosure d where true");
        if (subject != null) {
            sql.append(" and exists (select 1 from disclosure_subject s where s.disclosure_id = d.id"
                    + " and s.org = ? and s.kind = ? and s.subject_id = ?)");
        }
        if (afterAt != null) {
            sql.append(" and (d.recorded_at, d.id) < (?, ?)");
        }
        sql.append(" order by d.recorded_at desc, d.id desc limit ?");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (subject != null) {
                ps.setString(i++, subject.org());
                ps.setString(i++, subject.kind().name());
                ps.setString(i++, subject.id());
            }
            if (afterAt != null) {
                ps.setTimestamp(i++, Timestamp.from(afterAt));
                ps.setObject(i++, afterId);
            }
            ps.setInt(i, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return load(c, ids);
        }
    }

    /**
     * The current version of every disclosure naming the subject whose data was disclosed: entries
     * that a later correction replaced are left out (the correction stands in their place).
     */
    public List<DisclosureRecord> currentDisclosedAbout(SubjectRef subject) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select d.id from disclosure d"
                     + " join disclosure_subject s on s.disclosure_id = d.id"
                     + " where s.org = ? and s.kind = ? and s.subject_id = ?"
                     + " and d.outcome in ('CONTENT_DISCLOSED', 'NON_CONTENT_DISCLOSED')"
                     + " and not exists (select 1 from disclosure n where n.corrects = d.id)"
                     + " order by d.disclosed_on, d.ledger_seq")) {
            ps.setString(1, subject.org());
            ps.setString(2, subject.kind().name());
            ps.setString(3, subject.id());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return load(c, ids).stream().map(Stored::record).toList();
        }
    }

    @Override
    public Collection<String> types() {
        return List.of("DISCLOSURE", "CORRECTION");
    }

    @Override
    public Map<UUID, String> digests(Connection c, Collection<UUID> refs) throws SQLException {
        Map<UUID, String> out = new HashMap<>();
        for (Stored s : load(c, refs)) {
            out.put(s.record().id(), s.record().digest());
        }
        return out;
    }

    /** The records with these ids, in the order given (missing ones left out). */
    List<Stored> load(Connection c, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, List<SubjectRef>> subjects = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select disclosure_id, org, kind, subject_id from disclosure_subject"
                + " where disclosure_id = any (?) order by disclosure_id, ordinal")) {
            ps.setArray(1, c.createArrayOf("uuid", array));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SubjectRef(rs.getString(2), SubjectRef.Kind.valueOf(rs.getString(3)), rs.getString(4)));
                }
            }
        }
        Map<UUID, List<Attachment>> attachments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select disclosure_id, name, sha256, media_type from disclosure_attachment"
                + " where disclosure_id = any (?) order by disclosure_id, ordinal")) {
            ps.setArray(1, c.createArrayOf("uuid", array));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attachments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Attachment(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        Map<UUID, Stored> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from disclosure d where d.id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", array));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Date disclosed = rs.getDate(10);
                    Date until = rs.getDate(15);
                    boolean indefinite = rs.getBoolean(16);
                    Date review = rs.getDate(17);
                    NonDisclosureOrder ndo = until == null && !indefinite ? null
                            : new NonDisclosureOrder(until == null ? null : until.toLocalDate(), indefinite,
                            review == null ? null : review.toLocalDate());
                    DisclosureRecord r = new DisclosureRecord(id, rs.getTimestamp(2).toInstant(), rs.getString(3),
                            new Recipient(RecipientType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)),
                            LegalBasis.valueOf(rs.getString(7)), rs.getString(8), rs.getDate(9).toLocalDate(),
                            disclosed == null ? null : disclosed.toLocalDate(), subjects.getOrDefault(id, List.of()),
                            Arrays.asList((String[]) rs.getArray(11).getArray()), rs.getString(12),
                            Outcome.valueOf(rs.getString(13)), rs.getString(14), attachments.getOrDefault(id, List.of()),
                            ndo, rs.getObject(18, UUID.class), rs.getString(19));
                    byId.put(id, new Stored(r, rs.getLong(20)));
                }
            }
        }
        List<Stored> out = new ArrayList<>();
        for (UUID id : ids) {
            Stored s = byId.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
