package dev.steward.disclosure.report;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The transparency report: how many requests were received in a period (by the date received),
 * counted by half-year, recipient type, legal basis and outcome, from the current version of each
 * record (a corrected entry counts once, as corrected). With {@code bands=true}, law-enforcement
 * counts are given only in bands of 250 (0–249, 250–499, …), as many providers must publish them.
 */
@Path("/reports/transparency")
@Tag(name = "Reports", description = "The transparency report: disclosure requests counted by period, recipient type, legal basis and outcome (JSON or CSV)")
public class TransparencyResource {

    static final int BAND = 250;

    public record Row(String period, String recipientType, String legalBasis, String outcome, Integer count, String band) {
    }

    public record Report(LocalDate from, LocalDate to, boolean banded, Instant generatedAt, List<Row> rows) {
    }

    private final AgroalDataSource db;
    private final Clock clock;

    public TransparencyResource(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Counts by half-year, recipient type, legal basis and outcome, as JSON or CSV; bands=true bands law-enforcement counts")
    public Response report(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                           @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format,
                           @QueryParam("bands") @DefaultValue("false") boolean bands) throws SQLException {
        Range range = Range.of(from, to, clock);
        LocalDate start = range.start();
        LocalDate end = range.end();
        List<Row> rows = new ArrayList<>();
        // plain JDBC: a set-based aggregate (group by over the current records), nothing to map to entities
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + halfYear("d.received_on") + " as period,"
                     + " d.recipient_type, d.legal_basis, d.outcome, count(*)"
                     + " from disclosure d where d.received_on between ? and ?"
                     + " and not exists (select 1 from disclosure n where n.corrects = d.id)"
                     + " group by 1, 2, 3, 4 order by 1, 2, 3, 4")) {
            ps.setDate(1, Date.valueOf(start));
            ps.setDate(2, Date.valueOf(end));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int count = rs.getInt(5);
                    boolean banded = bands && "LAW_ENFORCEMENT".equals(rs.getString(2));
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            banded ? null : count, banded ? band(count) : null));
                }
            }
        }
        Report report = new Report(start, end, bands, clock.instant(), rows);
        return respond(format, report, () -> csv(report), "transparency-" + start + "-" + end + ".csv");
    }

    /** The report's period: {@code to} defaults to today, {@code from} to 1 January of the year before. */
    record Range(LocalDate start, LocalDate end) {

        static Range of(LocalDate from, LocalDate to, Clock clock) {
            LocalDate end = to == null ? LocalDate.now(clock) : to;
            LocalDate start = from == null ? LocalDate.of(end.getYear() - 1, 1, 1) : from;
            if (start.isAfter(end)) {
                throw ProblemException.badRequest("from must not be after to", new Problem.FieldError("from", "is after to"));
            }
            return new Range(start, end);
        }
    }

    /** SQL naming the half-year of a date column: {@code 2026-H2}. */
    static String halfYear(String column) {
        return "extract(year from " + column + ")::int || '-H' || case when extract(month from " + column
                + ") <= 6 then '1' else '2' end";
    }

    /** The report as JSON, or as a CSV download. */
    static Response respond(String format, Object report, java.util.function.Supplier<String> csv, String filename) {
        if ("csv".equals(format)) {
            return Response.ok(csv.get(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    static String band(int count) {
        int low = count / BAND * BAND;
        return low + "-" + (low + BAND - 1);
    }

    static String csv(Report report) {
        StringBuilder out = new StringBuilder("period,recipientType,legalBasis,outcome,count\r\n");
        for (Row r : report.rows()) {
            out.append(r.period()).append(',').append(r.recipientType()).append(',').append(r.legalBasis())
                    .append(',').append(r.outcome()).append(',')
                    .append(r.count() != null ? r.count().toString() : r.band()).append("\r\n");
        }
        return out.toString();
    }
}
