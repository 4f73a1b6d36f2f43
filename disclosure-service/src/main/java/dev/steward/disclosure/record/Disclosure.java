package dev.steward.disclosure.record;

import dev.steward.disclosure.ledger.LedgerEntry;
import dev.steward.disclosure.platform.Cursors;
import dev.steward.disclosure.record.NewDisclosure.Attachment;
import dev.steward.disclosure.record.NewDisclosure.NonDisclosureOrder;
import dev.steward.disclosure.record.NewDisclosure.Recipient;
import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A disclosure record as stored (tables disclosure, disclosure_subject, disclosure_attachment),
 * for reading: the rows are inserted by the ledger's group commit, together with their entry
 * ({@link DisclosureRepository#content}), and never changed.
 */
@Entity
@Immutable
public class Disclosure extends PanacheEntityBase {

    /** Collections are loaded for up to this many records at once (a page, a verifier chunk). */
    private static final int BATCH = 500;
    private static final String WITH_ENTRY = "from Disclosure d left join fetch d.entry where ";

    /** One row of disclosure_subject. */
    @Embeddable
    public record Subject(String org, @Enumerated(EnumType.STRING) SubjectRef.Kind kind, String subjectId) {
    }

    @Id
    public UUID id;
    @Column(name = "ledger_seq") // named as the join column to the entry below, so the two mappings agree
    public long ledgerSeq;
    public Instant recordedAt;
    public String recordedBy;
    @Enumerated(EnumType.STRING)
    public RecipientType recipientType;
    public String recipientName;
    public String recipientContact;
    @Enumerated(EnumType.STRING)
    public LegalBasis legalBasis;
    public String caseReference;
    public LocalDate receivedOn;
    public LocalDate disclosedOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dataCategories;
    public String purpose;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String approver;
    @Column(name = "nondisclosure_until")
    public LocalDate nonDisclosureUntil;
    @Column(name = "nondisclosure_indefinite")
    public boolean nonDisclosureIndefinite;
    @Column(name = "nondisclosure_review_on")
    public LocalDate nonDisclosureReviewOn;
    public UUID corrects;
    public String correctionNote;

    @ElementCollection
    @CollectionTable(name = "disclosure_subject", joinColumns = @JoinColumn(name = "disclosure_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = BATCH)
    public List<Subject> subjects;

    @ElementCollection
    @CollectionTable(name = "disclosure_attachment", joinColumns = @JoinColumn(name = "disclosure_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = BATCH)
    public List<Attachment> attachments;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ledger_seq", insertable = false, updatable = false)
    public LedgerEntry entry;

    /** The entries that correct this one, oldest first. */
    @OneToMany
    @JoinColumn(name = "corrects", insertable = false, updatable = false)
    @OrderBy("ledgerSeq")
    @BatchSize(size = BATCH)
    public List<Disclosure> correctedBy;

    public DisclosureRecord toRecord() {
        NonDisclosureOrder gag = nonDisclosureUntil == null && !nonDisclosureIndefinite ? null
                : new NonDisclosureOrder(nonDisclosureUntil, nonDisclosureIndefinite, nonDisclosureReviewOn);
        return new DisclosureRecord(id, recordedAt, recordedBy, new Recipient(recipientType, recipientName, recipientContact),
                legalBasis, caseReference, receivedOn, disclosedOn,
                subjects.stream().map(s -> new SubjectRef(s.org(), s.kind(), s.subjectId())).toList(),
                List.copyOf(dataCategories), purpose, outcome, approver, List.copyOf(attachments), gag, corrects,
                correctionNote);
    }

    static Optional<Disclosure> byId(UUID id) {
        return find(WITH_ENTRY + "d.id = ?1", id).firstResultOptional();
    }

    static boolean exists(UUID id) {
        return count("id", id) > 0;
    }

    /** {@code limit} records, newest first, after the cursor key; optionally only those naming one subject. */
    static List<Disclosure> page(SubjectRef subject, Cursors.Key after, int limit) {
        Parameters params = new Parameters();
        String where = "1 = 1";
        if (subject != null) {
            where += " and d.id in (select x.id from Disclosure x join x.subjects s"
                    + " where s.org = :org and s.kind = :kind and s.subjectId = :subject)";
            params.and("org", subject.org()).and("kind", subject.kind()).and("subject", subject.id());
        }
        if (after != null) {
            where += " and (d.recordedAt, d.id) < (:at, :id)";
            params.and("at", after.at()).and("id", after.id());
        }
        return find(WITH_ENTRY + where + " order by d.recordedAt desc, d.id desc", params).range(0, limit - 1).list();
    }

    /**
     * The current version of every disclosure naming the subject whose data was disclosed: entries
     * that a later correction replaced are left out (the correction stands in their place).
     */
    public static List<Disclosure> currentDisclosedAbout(SubjectRef subject) {
        return Disclosure.<Disclosure>find("select d from Disclosure d join d.subjects s"
                + " where s.org = ?1 and s.kind = ?2 and s.subjectId = ?3 and d.outcome in ?4"
                + " and not exists (from Disclosure n where n.corrects = d.id)"
                + " order by d.disclosedOn, d.ledgerSeq", subject.org(), subject.kind(), subject.id(),
                List.of(Outcome.CONTENT_DISCLOSED, Outcome.NON_CONTENT_DISCLOSED)).list();
    }
}
