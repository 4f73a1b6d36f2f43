package dev.steward.account.consent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.steward.platform.subject.SubjectRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One opt-in or opt-out (§3, §6): the history is append-only and the latest event per purpose wins. */
@Entity
@Immutable
public class ConsentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @JsonIgnore
    public String org;
    @JsonIgnore
    @Enumerated(EnumType.STRING)
    public SubjectRef.Kind kind;
    @JsonIgnore
    public String subjectId;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    public boolean granted;
    public Instant at;
    public String actor;
    public String source;
}
