package dev.steward.disclosure.demand;

import dev.steward.disclosure.demand.NewLegalDemand.Agency;
import dev.steward.disclosure.demand.NewLegalDemand.DateRange;
import dev.steward.disclosure.demand.NewLegalDemand.NonDisclosureOrder;
import dev.steward.disclosure.record.Disclosure;
import dev.steward.disclosure.record.RecipientType;
import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A demand's intake (tables legal_demand, legal_demand_subject): inserted with its first event, never changed. */
@Entity
@Immutable
public class LegalDemand extends PanacheEntityBase {

    @Id
    public UUID id;
    public Instant recordedAt;
    public String recordedBy;
    public String recordedById;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    public RecipientType agencyType;
    public String agencyName;
    public String agencyOfficer;
    public String agencyContact;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String country;
    public String jurisdiction;
    public String caseNumber;
    @Enumerated(EnumType.STRING)
    public ProcessType processType;
    public String statute;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dataCategories;
    public LocalDate rangeFrom;
    public LocalDate rangeTo;
    public LocalDate responseDueOn;
    public boolean emergency;
    public String emergencyJustification;
    /** 0 for an emergency, 1 otherwise: every list sorts by it first, so emergencies are on top. */
    public short priority;
    public int accountsSpecified;
    public String gagAuthority;
    public LocalDate gagUntil;
    public boolean gagIndefinite;
    public LocalDate gagReviewOn;
    public boolean notifyClient;
    public boolean notifySubject;
    public UUID followsDemand;
    public String description;

    @ElementCollection
    @CollectionTable(name = "legal_demand_subject", joinColumns = @JoinColumn(name = "demand_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    public List<Disclosure.Subject> subjects;

    static LegalDemand of(NewLegalDemand in, UUID id, Instant at, String by, String byId) {
        LegalDemand d = new LegalDemand();
        d.id = id;
        d.recordedAt = at;
        d.recordedBy = by;
        d.recordedById = byId;
        d.channel = in.channel();
        d.receivedOn = in.receivedOn();
        d.agencyType = in.agency().type();
        d.agencyName = in.agency().name();
        d.agencyOfficer = blankToNull(in.agency().officer());
        d.agencyContact = blankToNull(in.agency().contact());
        d.country = in.country();
        d.jurisdiction = blankToNull(in.jurisdiction());
        d.caseNumber = blankToNull(in.caseNumber());
        d.processType = in.processType();
        d.statute = blankToNull(in.statute());
        d.dataCategories = List.copyOf(in.dataCategories());
        d.rangeFrom = in.dateRange() == null ? null : in.dateRange().from();
        d.rangeTo = in.dateRange() == null ? null : in.dateRange().to();
        d.responseDueOn = in.responseDueOn();
        d.emergency = in.emergency() || in.processType() == ProcessType.EMERGENCY_REQUEST;
        d.emergencyJustification = blankToNull(in.emergencyJustification());
        d.priority = (short) (d.emergency ? 0 : 1);
        d.subjects = in.identifiers().stream().distinct()
                .map(s -> new Disclosure.Subject(s.org(), s.kind(), s.id())).toList();
        d.accountsSpecified = d.subjects.size();
        NonDisclosureOrder gag = in.nonDisclosureOrder();
        d.gagAuthority = gag == null ? null : gag.authority();
        d.gagUntil = gag == null ? null : gag.until();
        d.gagIndefinite = gag != null && gag.indefinite();
        d.gagReviewOn = gag == null ? null : gag.reviewOn();
        d.notifyClient = in.noticeOrDefault().client();
        d.notifySubject = in.noticeOrDefault().subject();
        d.followsDemand = in.followsDemand();
        d.description = blankToNull(in.description());
        return d;
    }

    public List<SubjectRef> identifiers() {
        return subjects.stream().map(s -> new SubjectRef(s.org(), s.kind(), s.subjectId())).toList();
    }

    Agency agency() {
        return new Agency(agencyType, agencyName, agencyOfficer, agencyContact);
    }

    DateRange dateRange() {
        return rangeFrom == null && rangeTo == null ? null : new DateRange(rangeFrom, rangeTo);
    }

    NonDisclosureOrder nonDisclosureOrder() {
        return gagAuthority == null ? null : new NonDisclosureOrder(gagAuthority, gagUntil, gagIndefinite, gagReviewOn);
    }

    /** The intake as the ledger's digest covers it (RFC 8785 canonical JSON of this map). */
    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("recordedAt", recordedAt.toString());
        m.put("recordedBy", recordedBy);
        m.put("recordedById", recordedById);
        m.put("channel", channel.name());
        m.put("receivedOn", receivedOn.toString());
        Map<String, Object> agency = new LinkedHashMap<>();
        agency.put("type", agencyType.name());
        agency.put("name", agencyName);
        agency.put("officer", agencyOfficer);
        agency.put("contact", agencyContact);
        m.put("agency", agency);
        m.put("country", country);
        m.put("jurisdiction", jurisdiction);
        m.put("caseNumber", caseNumber);
        m.put("processType", processType.name());
        m.put("statute", statute);
        List<Object> subs = new ArrayList<>();
        for (Disclosure.Subject s : subjects) {
            subs.add(Map.of("org", s.org(), "kind", s.kind().name(), "id", s.subjectId()));
        }
        m.put("identifiers", subs);
        m.put("dataCategories", List.copyOf(dataCategories));
        m.put("rangeFrom", str(rangeFrom));
        m.put("rangeTo", str(rangeTo));
        m.put("responseDueOn", responseDueOn.toString());
        m.put("emergency", emergency);
        m.put("emergencyJustification", emergencyJustification);
        m.put("gagAuthority", gagAuthority);
        m.put("gagUntil", str(gagUntil));
        m.put("gagIndefinite", gagIndefinite);
        m.put("gagReviewOn", str(gagReviewOn));
        m.put("notifyClient", notifyClient);
        m.put("notifySubject", notifySubject);
        m.put("followsDemand", followsDemand == null ? null : followsDemand.toString());
        m.put("description", description);
        return m;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
