package dev.steward.request.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.lifecycle.DenialReason;
import dev.steward.request.lifecycle.Jurisdiction;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import java.time.Instant;
import java.util.UUID;

/** One row of dsr_request: the request and its CCPA §7101 record. */
public record RequestRecord(UUID id, RequestType type, SubjectRef subject, RequestStatus status, Manner manner,
                            Jurisdiction jurisdiction, String submittedBy, String submittedRole, String attestation,
                            String contact, JsonNode details, String idemScope, String idemKey, String bodyHash,
                            Instant receivedAt, Instant dueAt, Instant originalDueAt, Integer extendedDays,
                            String extensionReason, Instant ackDueAt, Instant acknowledgedAt, Instant respondedAt,
                            DenialReason denialReason, JsonNode outcome, int round) {

    public RequestRecord withStatus(RequestStatus s) {
        return new RequestRecord(id, type, subject, s, manner, jurisdiction, submittedBy, submittedRole, attestation,
                contact, details, idemScope, idemKey, bodyHash, receivedAt, dueAt, originalDueAt, extendedDays,
                extensionReason, ackDueAt, acknowledgedAt, respondedAt, denialReason, outcome, round);
    }
}
