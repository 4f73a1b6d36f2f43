package dev.steward.console.legal;

import dev.steward.console.web.Forms;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The "record a disclosure" form, field for field what disclosure-service takes. Values go to the
 * service as the person typed them (dates and enums too): the service validates and its problem
 * names the field, shown beside the input. Subjects are one per line as org/KIND/id, attachments
 * one per line as "name sha256 [media-type]", data categories separated by commas or lines.
 * {@code idempotencyKey} is a UUID minted when the form is drawn, so a resubmitted form records once.
 * There is no approver field: a disclosure to law enforcement or a regulator is proposed, and a
 * second legal user approves it signed in as themselves ({@link Proposal}).
 */
public class DisclosureForm {

    public static final List<String> RECIPIENT_TYPES = List.of("LAW_ENFORCEMENT", "REGULATOR",
            "CONSUMER_REPORTING_AGENCY", "SERVICE_PROVIDER", "OTHER");
    public static final List<String> LEGAL_BASES = List.of("SUBPOENA", "COURT_ORDER", "SEARCH_WARRANT", "EMERGENCY",
            "LEGAL_OBLIGATION", "FRAUD_PREVENTION", "SERVICE_PROVISION", "CONSENT");
    public static final List<String> OUTCOMES = List.of("REJECTED", "NO_DATA", "CONTENT_DISCLOSED",
            "NON_CONTENT_DISCLOSED");

    @RestForm public String recipientType;
    @RestForm public String recipientName;
    @RestForm public String recipientContact;
    @RestForm public String legalBasis;
    @RestForm public String caseReference;
    @RestForm public String receivedOn;
    @RestForm public String disclosedOn;
    @RestForm public String subjects;
    @RestForm public String dataCategories;
    @RestForm public String purpose;
    @RestForm public String outcome;
    @RestForm public String attachments;
    @RestForm public String ndoUntil;
    @RestForm public String ndoIndefinite;
    @RestForm public String ndoReviewOn;
    @RestForm public String corrects;
    @RestForm public String correctionNote;
    @RestForm public String idempotencyKey;

    /** An empty form (or a correction of {@code corrects}) with a fresh idempotency key. */
    public static DisclosureForm blank(String corrects) {
        DisclosureForm f = new DisclosureForm();
        f.corrects = corrects;
        f.idempotencyKey = UUID.randomUUID().toString();
        return f;
    }

    /** The same values with a new key: the service stored nothing, so a corrected resubmission is a new attempt. */
    public DisclosureForm withNewKey() {
        idempotencyKey = UUID.randomUUID().toString();
        return this;
    }

    public String selectedIf(String field, String value) {
        String current = switch (field) {
            case "recipientType" -> recipientType;
            case "legalBasis" -> legalBasis;
            case "outcome" -> outcome;
            default -> null;
        };
        return value.equals(current) ? "selected" : "";
    }

    public boolean needsApproval() {
        return Proposal.needsApproval(recipientType);
    }

    public boolean indefinite() {
        return ndoIndefinite != null && !ndoIndefinite.isBlank();
    }

    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        ObjectNode recipient = body.putObject("recipient");
        Forms.put(recipient, "type", recipientType);
        Forms.put(recipient, "name", recipientName);
        Forms.put(recipient, "contact", recipientContact);
        Forms.put(body, "legalBasis", legalBasis);
        Forms.put(body, "caseReference", caseReference);
        Forms.put(body, "receivedOn", receivedOn);
        Forms.put(body, "disclosedOn", disclosedOn);
        Forms.putSubjects(body.putArray("subjects"), subjects);
        Forms.putList(body.putArray("dataCategories"), dataCategories);
        Forms.put(body, "purpose", purpose);
        Forms.put(body, "outcome", outcome);
        List<String> attachmentLines = Forms.lines(attachments);
        if (!attachmentLines.isEmpty()) {
            ArrayNode list = body.putArray("attachments");
            for (String line : attachmentLines) {
                String[] parts = line.trim().split("\\s+");
                ObjectNode a = list.addObject();
                a.put("name", parts[0]);
                Forms.put(a, "sha256", parts.length > 1 ? parts[1] : null);
                Forms.put(a, "mediaType", parts.length > 2 ? parts[2] : null);
            }
        }
        if (Forms.present(ndoUntil) || indefinite() || Forms.present(ndoReviewOn)) {
            ObjectNode gag = body.putObject("nonDisclosureOrder");
            Forms.put(gag, "until", ndoUntil);
            gag.put("indefinite", indefinite());
            Forms.put(gag, "reviewOn", ndoReviewOn);
        }
        Forms.put(body, "corrects", corrects);
        Forms.put(body, "correctionNote", correctionNote);
        return body;
    }


}
