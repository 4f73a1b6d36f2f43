package dev.steward.account.consent;

import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;

/** A table with one row per subject, keyed by the subject reference (org, kind, id): the shared key of {@link Restriction} and {@link PrivacySignal}. */
@MappedSuperclass
public abstract class PerSubject extends PanacheEntityBase {

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
}
