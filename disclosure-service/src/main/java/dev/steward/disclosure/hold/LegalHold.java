package dev.steward.disclosure.hold;

import dev.steward.disclosure.platform.Cursors;
import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A placed hold (table legal_hold): inserted once, never changed; its release is a row of its own. */
@Entity
@Immutable
public class LegalHold extends PanacheEntityBase {

    public enum Scope { SUBJECT, ORG }

    /** Every query fetches the release with the hold: {@code from LegalHold h left join fetch h.release r}. */
    private static final String WITH_RELEASE = "from LegalHold h left join fetch h.release r where ";

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Scope scope;
    public String org;
    @Enumerated(EnumType.STRING)
    public SubjectRef.Kind subjectKind;
    public String subjectId;
    @Enumerated(EnumType.STRING)
    public HoldReason reason;
    public String description;
    public String caseReference;
    public String placedBy;
    public Instant placedAt;
    @OneToOne(mappedBy = "hold")
    public HoldRelease release;

    public SubjectRef subject() {
        return subjectKind == null ? null : new SubjectRef(org, subjectKind, subjectId);
    }

    static Optional<LegalHold> byId(UUID id) {
        return find(WITH_RELEASE + "h.id = ?1", id).firstResultOptional();
    }

    /**
     * Active holds that cover a subject: those on the subject itself and those on its whole org.
     * With {@code kind}/{@code id} null, only holds on the whole org.
     */
    static List<LegalHold> activeFor(String org, SubjectRef.Kind kind, String id) {
        return list(WITH_RELEASE + "r is null and h.org = ?1 and (h.scope = ?2 or (h.subjectKind = ?3 and h.subjectId = ?4))"
                + " order by h.placedAt, h.id", org, Scope.ORG, kind, id);
    }

    public static long countActive() {
        return count("from LegalHold h where not exists (from HoldRelease r where r.hold = h)");
    }

    /**
     * One page ({@code limit} rows), newest first, after the cursor key; optionally only active or
     * only released holds, and only those of one org or one subject.
     */
    static List<LegalHold> page(Boolean active, String org, SubjectRef.Kind kind, String subjectId, Cursors.Key after,
                                int limit) {
        List<String> where = new ArrayList<>(List.of(active == null ? "1 = 1" : active ? "r is null" : "r is not null"));
        Parameters params = new Parameters();
        if (org != null) {
            where.add("h.org = :org");
            params.and("org", org);
        }
        if (kind != null) {
            where.add("h.subjectKind = :kind");
            params.and("kind", kind);
        }
        if (subjectId != null) {
            where.add("h.subjectId = :subject");
            params.and("subject", subjectId);
        }
        if (after != null) {
            where.add("(h.placedAt, h.id) < (:at, :id)");
            params.and("at", after.at()).and("id", after.id());
        }
        return find(WITH_RELEASE + String.join(" and ", where) + " order by h.placedAt desc, h.id desc", params)
                .range(0, limit - 1).list();
    }
}
