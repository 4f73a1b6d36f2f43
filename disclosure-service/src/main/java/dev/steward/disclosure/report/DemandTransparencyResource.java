package dev.steward.disclosure.report;

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
 * The transparency report of legal demands (issue 15): per half-year received, process type and
 * country — demands received, accounts specified, accounts affected (named in what was produced),
 * produced in full / in part, rejected, no data, contested (narrowed or challenged at some point)
 * and emergency — the counts the OTI / EFF / New America reports ask for, which a log of
 * disclosures cannot give (a rejected demand never becomes a disclosure). With {@code bands=true},
 * the counts of law-enforcement process types are given in bands of 250 (regulator demands exact).
 */
@Path("/reports/transparency/demands")
@Tag(name = "Reports")
public class DemandTransparencyResource {

    static final List<String> COLUMNS = List.of("received", "accountsSpecified", "accountsAffected", "producedFull",
            "producedPartial", "rejected", "noData", "contested", "emergency");

    /** Counts of one period, process type and country, in {@link #COLUMNS} order; banded: {@code bands} instead. */
    public record Row(String period, String processType, String country, Counts counts, Bands bands) {
    }

    public record Counts(int received, int accountsSpecified, int accountsAffected, int producedFull, int producedPartial,
                         int rejected, int noData, int contested, int emergency) {
    }

    public record Bands(String received, String accountsSpecified, String accountsAffected, String producedFull,
                        String producedPartial, String rejected, String noData, String contested, String emergency) {
    }

    public record Report(LocalDate from, LocalDate to, boolean banded, Instant generatedAt, List<Row> rows) {
    }

    private final AgroalDataSource db;
    private final Clock clock;

    public DemandTransparencyResource(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.LEGAL, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Legal demands counted per half-year, process type and country, as JSON or CSV; bands=true bands law-enforcement counts")
    public Response report(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                           @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format,
                           @QueryParam("bands") @DefaultValue("false") boolean bands) throws SQLException {
        TransparencyResource.Range range = TransparencyResource.Range.of(from, to, clock);
        LocalDate start = range.start();
        LocalDate end = range.end();
        List<Row> rows = new ArrayList<>();
        // plain JDBC: a set-based aggregate over demands and their current states
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + TransparencyResource.halfYear("d.received_on")
                     + " as period, d.process_type, d.country, count(*), sum(d.accounts_specified), sum(s.accounts_affected),"
                     + " count(*) filter (where s.status = 'PRODUCED_FULL'),"
                     + " count(*) filter (where s.status = 'PRODUCED_PARTIAL'),"
                     + " count(*) filter (where s.status = 'REJECTED'), count(*) filter (where s.status = 'NO_DATA'),"
                     + " count(*) filter (where s.contested), count(*) filter (where d.emergency)"
                     + " from legal_demand d join legal_demand_state s on s.demand_id = d.id"
                     + " where d.received_on between ? and ? group by 1, 2, 3 order by 1, 2, 3")) {
            ps.setDate(1, Date.valueOf(start));
            ps.setDate(2, Date.valueOf(end));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] n = new int[COLUMNS.size()];
                    for (int i = 0; i < n.length; i++) {
                        n[i] = rs.getInt(4 + i);
                    }
                    boolean banded = bands && !"REGULATOR_DEMAND".equals(rs.getString(2));
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            banded ? null : new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]),
                            banded ? new Bands(band(n[0]), band(n[1]), band(n[2]), band(n[3]), band(n[4]), band(n[5]),
                                    band(n[6]), band(n[7]), band(n[8])) : null));
                }
            }
        }
        Report report = new Report(start, end, bands, clock.instant(), rows);
        return TransparencyResource.respond(format, report, () -> csv(report), "legal-demands-" + start + "-" + end + ".csv");
    }

    private static String band(int count) {
        return TransparencyResource.band(count);
    }

    static String csv(Report report) {
        StringBuilder out = new StringBuilder("period,processType,country," + String.join(",", COLUMNS) + "\r\n");
        for (Row r : report.rows()) {
            out.append(r.period()).append(',').append(r.processType()).append(',').append(r.country());
            List<Object> values = r.counts() != null
                    ? List.of(r.counts().received(), r.counts().accountsSpecified(), r.counts().accountsAffected(),
                            r.counts().producedFull(), r.counts().producedPartial(), r.counts().rejected(),
                            r.counts().noData(), r.counts().contested(), r.counts().emergency())
                    : List.of(r.bands().received(), r.bands().accountsSpecified(), r.bands().accountsAffected(),
                            r.bands().producedFull(), r.bands().producedPartial(), r.bands().rejected(),
                            r.bands().noData(), r.bands().contested(), r.bands().emergency());
            for (Object v : values) {
                out.append(',').append(v);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
