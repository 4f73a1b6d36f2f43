package dev.steward.console.legal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.console.web.Forms;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The intake form of a legal demand (POST /legal-demands) as typed; redrawn as typed when refused. */
@TemplateData
public record DemandForm(@RestForm String channel, @RestForm String receivedOn, @RestForm String agencyType,
                         @RestForm String agencyName, @RestForm String agencyOfficer, @RestForm String agencyContact,
                         @RestForm String country, @RestForm String jurisdiction, @RestForm String caseNumber,
                         @RestForm String processType, @RestForm String statute, @RestForm String identifiers,
                         @RestForm String dataCategories, @RestForm String rangeFrom, @RestForm String rangeTo,
                         @RestForm String responseDueOn, @RestForm String emergency,
                         @RestForm String emergencyJustification, @RestForm String ndoAuthority,
                         @RestForm String ndoUntil, @RestForm String ndoIndefinite, @RestForm String ndoReviewOn,
                         @RestForm String noticeClient, @RestForm String noticeSubject, @RestForm String description,
                         @RestForm String idempotencyKey) {

    public static final List<String> CHANNELS = List.of("EMAIL", "POST", "FAX", "PORTAL", "IN_PERSON", "OTHER");
    public static final List<String> PROCESS_TYPES = List.of("SUBPOENA", "COURT_ORDER", "SEARCH_WARRANT",
            "EMERGENCY_REQUEST", "PRESERVATION_REQUEST", "REGULATOR_DEMAND", "OTHER");
    public static final List<String> AGENCY_TYPES = List.of("LAW_ENFORCEMENT", "REGULATOR");

    static DemandForm blank() {
        return new DemandForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, "true", "true", null, UUID.randomUUID().toString());
    }

    DemandForm again() {
        return new DemandForm(channel, receivedOn, agencyType, agencyName, agencyOfficer, agencyContact, country,
                jurisdiction, caseNumber, processType, statute, identifiers, dataCategories, rangeFrom, rangeTo,
                responseDueOn, emergency, emergencyJustification, ndoAuthority, ndoUntil, ndoIndefinite, ndoReviewOn,
                noticeClient, noticeSubject, description, UUID.randomUUID().toString());
    }

    public boolean on(String field) {
        String v = switch (field) {
            case "emergency" -> emergency;
            case "ndoIndefinite" -> ndoIndefinite;
            case "noticeClient" -> noticeClient;
            case "noticeSubject" -> noticeSubject;
            default -> null;
        };
        return "true".equals(v);
    }

    public String selectedIf(String field, String value) {
        String v = switch (field) {
            case "channel" -> channel;
            case "agencyType" -> agencyType;
            case "processType" -> processType;
            default -> null;
        };
        return value.equals(v) ? "selected" : "";
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Forms.put(body, "channel", channel);
        Forms.put(body, "receivedOn", receivedOn);
        ObjectNode agency = body.putObject("agency");
        Forms.put(agency, "type", agencyType);
        Forms.put(agency, "name", agencyName);
        Forms.put(agency, "officer", agencyOfficer);
        Forms.put(agency, "contact", agencyContact);
        Forms.put(body, "country", country);
        Forms.put(body, "jurisdiction", jurisdiction);
        Forms.put(body, "caseNumber", caseNumber);
        Forms.put(body, "processType", processType);
        Forms.put(body, "statute", statute);
        Forms.putSubjects(body.putArray("identifiers"), identifiers);
        Forms.putList(body.putArray("dataCategories"), dataCategories);
        if (Forms.present(rangeFrom) || Forms.present(rangeTo)) {
            ObjectNode range = body.putObject("dateRange");
            Forms.put(range, "from", rangeFrom);
            Forms.put(range, "to", rangeTo);
        }
        Forms.put(body, "responseDueOn", responseDueOn);
        body.put("emergency", on("emergency"));
        Forms.put(body, "emergencyJustification", emergencyJustification);
        if (Forms.present(ndoAuthority) || Forms.present(ndoUntil) || on("ndoIndefinite")) {
            ObjectNode gag = body.putObject("nonDisclosureOrder");
            Forms.put(gag, "authority", ndoAuthority);
            Forms.put(gag, "until", ndoUntil);
            gag.put("indefinite", on("ndoIndefinite"));
            Forms.put(gag, "reviewOn", ndoReviewOn);
        }
        ObjectNode notice = body.putObject("notice");
        notice.put("client", on("noticeClient"));
        notice.put("subject", on("noticeSubject"));
        Forms.put(body, "description", description);
        return body;
    }
}
