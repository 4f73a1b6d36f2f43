package dev.steward.console.privacy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.console.web.Forms;
import io.quarkus.qute.TemplateData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The Privacy Center's request form as sent, and the JSON body of POST /public/requests made of it.
 * {@code website} is the honeypot: hidden from people, filled in by bots.
 */
@TemplateData
public record RequestForm(@RestForm String type, @RestForm String relation, @RestForm String org,
                          @RestForm String subjectId, @RestForm String jurisdiction, @RestForm String contact,
                          @RestForm String changes, @RestForm String restricted, @RestForm String description,
                          @RestForm String website, @RestForm String idempotencyKey) {

    public static final List<String> RELATIONS = List.of("VISITOR", "ACCOUNT", "END_USER");

    static RequestForm blank(String visitorId) {
        return new RequestForm(null, "VISITOR", null, visitorId, null, null, null, "true", null, null,
                UUID.randomUUID().toString());
    }

    /** The same form with a new Idempotency-Key, for sending again after a refusal. */
    RequestForm again() {
        return new RequestForm(type, relation, org, subjectId, jurisdiction, contact, changes, restricted, description,
                null, UUID.randomUUID().toString());
    }

    public boolean trapped() {
        return Forms.present(website);
    }

    public String checkedIf(String field, String value) {
        String current = switch (field) {
            case "type" -> type;
            case "relation" -> relation;
            case "restricted" -> restricted;
            default -> null;
        };
        return value.equals(current) ? "checked" : "";
    }

    public String selectedIf(String value) {
        return value.equals(jurisdiction) ? "selected" : "";
    }

    /**
     * The body request-service takes. The subject: a Client's end user names the Client (its org);
     * a visitor or customer of the provider belongs to the provider's org.
     */
    ObjectNode toJson(String providerOrg) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Forms.put(body, "type", type);
        ObjectNode subject = body.putObject("subject");
        Forms.put(subject, "org", "END_USER".equals(relation) ? org : providerOrg);
        Forms.put(subject, "kind", relation);
        Forms.put(subject, "id", subjectId);
        Forms.put(body, "jurisdiction", jurisdiction);
        Forms.put(body, "contact", contact);
        if ("RECTIFICATION".equals(type)) {
            ObjectNode fields = body.putObject("changes");
            parsedChanges().forEach(fields::put);
        }
        if ("RESTRICTION".equals(type)) {
            body.put("restricted", !"false".equals(restricted));
        }
        Forms.put(body, "description", description);
        return body;
    }

    /** "field: new value", one a line; a line without a colon is left for the service to refuse as empty. */
    Map<String, String> parsedChanges() {
        Map<String, String> out = new LinkedHashMap<>();
        if (changes != null) {
            for (String line : changes.split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.substring(colon + 1).isBlank()) {
                    out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    /** A line of the changes the form cannot read: named beside the field before anything is sent. */
    boolean changesUnreadable() {
        return "RECTIFICATION".equals(type) && changes != null
                && changes.lines().filter(l -> !l.isBlank()).count() != parsedChanges().size();
    }
}
