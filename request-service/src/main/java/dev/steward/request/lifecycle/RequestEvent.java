package dev.steward.request.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One transition in a request's audit trail (dsr_event, append-only): who, when, why. */
@Entity
@Table(name = "dsr_event")
@Immutable
public class RequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID requestId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public RequestStatus to;
    public String actor;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public DenialReason reasonCode;
    public String note;

    static void record(UUID requestId, RequestStatus from, RequestStatus to, String actor, Instant at,
                       DenialReason reason, String note) {
        RequestEvent e = new RequestEvent();
        e.requestId = requestId;
        e.from = from;
        e.to = to;
        e.actor = actor;
        e.at = at;
        e.reasonCode = reason;
        e.note = note;
        e.persist();
    }

    public static List<RequestEvent> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
