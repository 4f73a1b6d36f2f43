package dev.steward.request.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A privacy officer's working note on a complaint (§13; dsr_note, append-only). */
@Entity
@Table(name = "dsr_note")
@Immutable
public class ComplaintNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID requestId;
    public String author;
    public Instant at;
    public String text;

    public static List<ComplaintNote> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
