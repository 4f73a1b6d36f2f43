package dev.steward.account.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** What one purge run deleted, and which subjects it skipped because of a legal hold; never changed. */
@Entity
@Immutable
public class PurgeReceipt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String trigger;
    public Instant startedAt;
    public Instant finishedAt;
    public long fieldsPurged;
    public long subjectsPurged;
    public long accessLogsPurged;
    public long heldSkipped;
    @Convert(converter = CommaSeparated.class)
    public List<String> heldSubjects;

    /** The held subjects are stored as one comma-separated text column (a subject key has no comma). */
    public static class CommaSeparated implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return String.join(",", values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column.isEmpty() ? List.of() : List.of(column.split(","));
        }
    }
}
