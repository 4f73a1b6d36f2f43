package dev.steward.disclosure.record;

import dev.steward.disclosure.platform.Digests;
import dev.steward.disclosure.platform.Jcs;
import dev.steward.disclosure.record.NewDisclosure.Attachment;
import dev.steward.disclosure.record.NewDisclosure.NonDisclosureOrder;
import dev.steward.disclosure.record.NewDisclosure.Recipient;
import dev.steward.platform.subject.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A recorded disclosure, exactly as kept; its canonical JSON is what the ledger entry's digest covers. */
public record DisclosureRecord(UUID id, Instant recordedAt, String recordedBy, Recipient recipient,
                               LegalBasis legalBasis, String caseReference, LocalDate receivedOn,
                               LocalDate disclosedOn, List<SubjectRef> subjects, List<String> dataCategories,
                               String purpose, Outcome outcome, String approver, List<Attachment> attachments,
                               NonDisclosureOrder nonDisclosureOrder, UUID corrects, String correctionNote) {

    public String ledgerType() {
        return corrects == null ? "DISCLOSURE" : "CORRECTION";
    }

    /**
     * Voluntary (not legally compelled): given with consent or to provide the service, or to an
     * "other" recipient. These are refused for subjects who opted out of sharing (§6).
     */
    public static boolean voluntary(LegalBasis basis, RecipientType recipient) {
        return basis == LegalBasis.CONSENT || basis == LegalBasis.SERVICE_PROVISION || recipient == RecipientType.OTHER;
    }

    public boolean voluntary() {
        return voluntary(legalBasis, recipient.type());
    }

    /** Whether a non-disclosure order keeps this entry out of the subject's accounting on {@code today}. */
    public boolean gaggedOn(LocalDate today) {
        return nonDisclosureOrder != null
                && (nonDisclosureOrder.indefinite() || !today.isAfter(nonDisclosureOrder.until()));
    }

    public Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("recordedAt", recordedAt.toString());
        m.put("recordedBy", recordedBy);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", recipient.type().name());
        r.put("name", recipient.name());
        r.put("contact", recipient.contact());
        m.put("recipient", r);
        m.put("legalBasis", legalBasis.name());
        m.put("caseReference", caseReference);
        m.put("receivedOn", receivedOn.toString());
        m.put("disclosedOn", disclosedOn == null ? null : disclosedOn.toString());
        List<Object> subs = new ArrayList<>();
        for (SubjectRef s : subjects) {
            subs.add(Map.of("org", s.org(), "kind", s.kind().name(), "id", s.id()));
        }
        m.put("subjects", subs);
        m.put("dataCategories", List.copyOf(dataCategories));
        m.put("purpose", purpose);
        m.put("outcome", outcome.name());
        m.put("approver", approver);
        List<Object> atts = new ArrayList<>();
        for (Attachment a : attachments) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("sha256", a.sha256());
            am.put("mediaType", a.mediaType());
            atts.add(am);
        }
        m.put("attachments", atts);
        if (nonDisclosureOrder == null) {
            m.put("nonDisclosureOrder", null);
        } else {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("until", nonDisclosureOrder.until() == null ? null : nonDisclosureOrder.until().toString());
            n.put("indefinite", nonDisclosureOrder.indefinite());
            n.put("reviewOn", nonDisclosureOrder.reviewOn() == null ? null : nonDisclosureOrder.reviewOn().toString());
            m.put("nonDisclosureOrder", n);
        }
        m.put("corrects", corrects == null ? null : corrects.toString());
        m.put("correctionNote", correctionNote);
        return m;
    }

    public String digest() {
        return Digests.sha256Hex(Jcs.bytes(canonical()));
    }
}
