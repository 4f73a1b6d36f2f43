package dev.steward.console.legal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.console.web.Forms;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One move of a demand as the detail page's forms send it (POST /legal-demands/{id}/transitions):
 * the target status and what that target needs (verification, reason code, production).
 */
public record TransitionForm(@RestForm String to, @RestForm String reason, @RestForm String reasonCode,
                             @RestForm String method, @RestForm String evidenceSha256, @RestForm String subjects,
                             @RestForm String categories, @RestForm String sha256, @RestForm String mediaType,
                             @RestForm String producedOn, @RestForm String idempotencyKey) {

    public static final List<String> REJECTION_REASONS = List.of("OVERBROAD", "DEFECTIVE_PROCESS", "WRONG_JURISDICTION",
            "NO_LEGAL_BASIS", "NOT_AUTHENTIC", "OTHER");

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Forms.put(body, "to", to);
        Forms.put(body, "reason", reason);
        Forms.put(body, "reasonCode", reasonCode);
        if ("VERIFIED".equals(to)) {
            ObjectNode v = body.putObject("verification");
            Forms.put(v, "method", method);
            Forms.put(v, "evidenceSha256", evidenceSha256);
        }
        if ("PRODUCED_FULL".equals(to) || "PRODUCED_PARTIAL".equals(to)) {
            ObjectNode p = body.putObject("production");
            Forms.putSubjects(p.putArray("subjects"), subjects);
            Forms.putList(p.putArray("categories"), categories);
            Forms.put(p, "sha256", sha256);
            Forms.put(p, "mediaType", mediaType);
            Forms.put(p, "producedOn", producedOn);
        }
        return body;
    }
}
