package dev.steward.request.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The ACCESS report, stored once (dsr_report): its header, the sections being stored apart
 * ({@link ReportSections}) when {@code streamed}; the whole JSON document for reports stored before.
 */
@Entity
@Table(name = "dsr_report")
@Immutable
public class Report extends PanacheEntityBase {

    @Id
    public UUID requestId;
    public Instant createdAt;
    public String body;
    public boolean streamed;
}
