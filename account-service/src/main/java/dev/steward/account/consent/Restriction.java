package dev.steward.account.consent;

import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/** Restriction of processing (§6) of one subject, as last set by a request. */
@Entity
@IdClass(Restriction.Key.class)
public class Restriction extends PanacheEntityBase {

    public record Key(String org, SubjectRef.Kind kind, String subjectId) implements Serializable {
        static Key of(SubjectRef ref) {
            return new Key(ref.org(), ref.kind(), ref.id());
        }
    }

    @Id
    public String org;
    @Id
    @Enumerated(EnumType.STRING)
    public SubjectRef.Kind kind;
    @Id
    public String subjectId;
    public boolean restricted;
    public String requestId;
    public Instant updatedAt;
}
