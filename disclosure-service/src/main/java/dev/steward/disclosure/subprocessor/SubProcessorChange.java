package dev.steward.disclosure.subprocessor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One edit of a sub-processor (table subprocessor_change, append-only): the version before and after, as JSON. */
@Entity
@Immutable
@Table(name = "subprocessor_change")
public class SubProcessorChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID subprocessorId;
    public String changedBy;
    public Instant changedAt;
    public String before;
    public String after;
}
