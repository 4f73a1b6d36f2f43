package dev.steward.request.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Caller;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.deadline.Deadlines;
import dev.steward.request.deadline.Jurisdiction;
import dev.steward.request.lifecycle.Lifecycle;
import dev.steward.request.lifecycle.Manner;
import dev.steward.request.lifecycle.Request;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.routing.CallbackDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Intake: who may ask about whom, how the request is verified, and idempotency. The provider's own
 * customers belong to org {@value SubjectRef#PROVIDER_ORG}; a request about a Client's end user or visitor
 * that reaches the provider other than through that Client's admin is routed to the Client (§1).
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class Intake {

    public static final Duration RECENT_AUTH = Duration.ofMinutes(10);
    public static final String PUBLIC_SCOPE = "public";

    private final Lifecycle lifecycle;
    private final CallbackDelivery callbacks;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public Intake(Lifecycle lifecycle, CallbackDelivery callbacks, Deadlines deadlines, Clock clock) {
        this.lifecycle = lifecycle;
        this.callbacks = callbacks;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public record Result(Request request, boolean created) {
    }

    private record Decision(SubjectRef subject, Manner manner, String role, RequestStatus target, String note) {
    }

    public Result submit(NewRequest in, Caller caller, String idempotencyKey) {
        checkTypeFields(in.type(), in.changes(), in.description());
        Decision d;
        if (caller.is(Roles.PRIVACY_OFFICER)) {
            SubjectRef s = requireSubject(in.subject());
            requireAttestation(in.attestation());
            d = routedOr(s, new Decision(s, Manner.ON_BEHALF, Roles.PRIVACY_OFFICER, RequestStatus.VERIFIED,
                    "verified: privacy officer " + caller.name() + " attests: " + in.attestation()));
        } else if (caller.is(Roles.CLIENT_ADMIN)) {
            SubjectRef s = requireSubject(in.subject());
            String org = caller.org().orElseThrow(() -> ProblemException.notFound("Subject"));
            if (!org.equals(s.org())) {
                throw ProblemException.notFound("Subject " + s.kind() + " " + s.id() + " of " + s.org());
            }
            if (s.kind() != SubjectRef.Kind.END_USER) {
                throw ProblemException.unprocessable("end-users-only", "Not an end user",
                        "A client-admin submits requests on behalf of its organisation's end users",
                        new Problem.FieldError("subject.kind", "must be END_USER"));
            }
            requireAttestation(in.attestation());
            d = new Decision(s, Manner.ON_BEHALF, Roles.CLIENT_ADMIN, RequestStatus.VERIFIED,
                    "verified: client-admin " + caller.name() + " of " + org + " attests: " + in.attestation());
        } else if (caller.is(Roles.CUSTOMER)) {
            SubjectRef self = new SubjectRef(SubjectRef.PROVIDER_ORG, SubjectRef.Kind.ACCOUNT, caller.id());
            if (in.subject() != null && !in.subject().equals(self)) {
                throw ProblemException.unprocessable("own-requests-only", "Only about yourself",
                        "A customer submits requests about their own account; leave subject out or name yourself",
                        new Problem.FieldError("subject", "must be your own account"));
            }
            boolean recent = caller.authTime()
                    .map(t -> Duration.between(Instant.ofEpochSecond(t), clock.instant()).compareTo(RECENT_AUTH) <= 0)
                    .orElse(false);
            if (in.type() == RequestType.ERASURE && !recent) {
                d = new Decision(self, Manner.AUTHENTICATED, Roles.CUSTOMER, RequestStatus.PENDING_VERIFICATION,
                        "erasure needs a sign-in within the last 10 minutes (auth_time) or a privacy officer's approval");
            } else {
                d = new Decision(self, Manner.AUTHENTICATED, Roles.CUSTOMER, RequestStatus.VERIFIED,
                        in.type() == RequestType.ERASURE ? "verified by the subject's own token, signed in within 10 minutes"
                                : "verified by the subject's own token");
            }
        } else {
            throw new io.quarkus.security.ForbiddenException();
        }
        return create(in.type(), d, in.jurisdiction(), in.attestation(), null, details(in.changes(), in.restricted(),
                in.description()), caller.id(), caller.name(), idempotencyKey);
    }

    public Result submitPublic(PublicRequest in, String idempotencyKey) {
        checkTypeFields(in.type(), in.changes(), in.description());
        SubjectRef s = in.subject();
        Decision d = routedOr(s, new Decision(s, Manner.PUBLIC, null, RequestStatus.PENDING_VERIFICATION,
                "received without sign-in: a privacy officer verifies the requester's identity"));
        return create(in.type(), d, in.jurisdiction(), null, in.contact(), details(in.changes(), in.restricted(),
                in.description()), PUBLIC_SCOPE, "public:" + in.contact(), idempotencyKey);
    }

    private Decision routedOr(SubjectRef s, Decision otherwise) {
        if (SubjectRef.PROVIDER_ORG.equals(s.org())) {
            return otherwise;
        }
        return new Decision(s, otherwise.manner(), otherwise.role(), RequestStatus.ROUTED_TO_CONTROLLER,
                "§1: the provider is not the controller of " + s.org() + "'s " + s.kind()
                        + " data; routed to the Client with a signed callback");
    }

    private Result create(RequestType type, Decision d, Jurisdiction jurisdiction, String attestation, String contact,
                          ObjectNode details, String scope, String submittedBy, String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.badRequest("The Idempotency-Key header must be 1 to 200 characters",
                    new Problem.FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        Jurisdiction j = jurisdiction == null ? Jurisdiction.DEFAULT : jurisdiction;
        String hash = hash(type, d.subject(), j, attestation, contact, details);
        if (key != null) {
            Request existing = Request.lockIdempotencyKey(scope, key).orElse(null);
            if (existing != null) {
                if (!existing.bodyHash.equals(hash)) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key already used",
                            "This Idempotency-Key was used for a different request; use a new key",
                            new Problem.FieldError("Idempotency-Key", "was used with another body"));
                }
                return new Result(existing, false);
            }
        }
        Instant now = clock.instant();
        Request r = new Request();
        r.id = UUID.randomUUID();
        r.type = type;
        r.subjectOrg = d.subject().org();
        r.subjectKind = d.subject().kind();
        r.subjectId = d.subject().id();
        r.manner = d.manner();
        r.jurisdiction = j;
        r.submittedBy = submittedBy;
        r.submittedRole = d.role();
        r.attestation = attestation;
        r.contact = contact;
        r.details = details;
        r.idemScope = key == null ? null : scope;
        r.idemKey = key;
        r.bodyHash = hash;
        r.receivedAt = now;
        r.dueAt = deadlines.dueAt(j, now);
        r.originalDueAt = r.dueAt;
        r.ackDueAt = deadlines.ackDueAt(j, now);
        r.acknowledgedAt = now;
        lifecycle.receive(r, "received (" + d.manner() + ")");
        lifecycle.move(r, d.target(), Lifecycle.SYSTEM, null, d.note());
        if (d.target() == RequestStatus.VERIFIED) {
            lifecycle.begin(r);
        } else if (d.target() == RequestStatus.ROUTED_TO_CONTROLLER) {
            callbacks.enqueue(r);
        }
        return new Result(r, true);
    }

    private ObjectNode details(Map<String, String> changes, Boolean restricted, String description) {
        ObjectNode n = canonical.createObjectNode();
        if (changes != null) {
            n.set("changes", canonical.valueToTree(new TreeMap<>(changes)));
        }
        if (restricted != null) {
            n.put("restricted", restricted);
        }
        if (description != null) {
            n.put("description", description);
        }
        return n;
    }

    private String hash(RequestType type, SubjectRef s, Jurisdiction j, String attestation, String contact, ObjectNode details) {
        try {
            ObjectNode n = canonical.createObjectNode();
            n.put("type", type.name());
            n.set("subject", canonical.valueToTree(s));
            n.put("jurisdiction", j.name());
            n.put("attestation", attestation);
            n.put("contact", contact);
            n.set("details", details);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SubjectRef requireSubject(SubjectRef s) {
        if (s == null) {
            throw ProblemException.badRequest("Name the data subject", new Problem.FieldError("subject", "must not be null"));
        }
        return s;
    }

    private static void requireAttestation(String attestation) {
        if (attestation == null || attestation.isBlank()) {
            throw ProblemException.unprocessable("attestation-required", "Attestation required",
                    "A request on someone else's behalf needs your attestation that you act for the subject",
                    new Problem.FieldError("attestation", "must not be blank"));
        }
    }

    private static void checkTypeFields(RequestType type, Map<String, String> changes, String description) {
        if (type == RequestType.RECTIFICATION && (changes == null || changes.isEmpty())) {
            throw ProblemException.badRequest("A rectification names the fields to change",
                    new Problem.FieldError("changes", "must name at least one field and its new value"));
        }
        if (type != RequestType.RECTIFICATION && changes != null) {
            throw ProblemException.badRequest("Only a rectification carries changes",
                    new Problem.FieldError("changes", "only for RECTIFICATION"));
        }
        if (type == RequestType.COMPLAINT && (description == null || description.isBlank())) {
            throw ProblemException.badRequest("A complaint needs a description",
                    new Problem.FieldError("description", "must not be blank"));
        }
    }
}
