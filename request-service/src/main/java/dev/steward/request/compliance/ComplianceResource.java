package dev.steward.request.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.security.Roles;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import dev.steward.request.peer.AccountClient;
import dev.steward.request.peer.DisclosureClient;
import dev.steward.platform.peer.PeerCallMetrics;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * §17 compliance report and CCPA §7102 yearly metrics, computed from live data. Plain JDBC on the
 * Agroal pool: they are aggregates (filtered counts, a median) that SQL computes in one query.
 */
@Path("/")
@Tag(name = "Compliance", description = "The self-assessment figures (§17) and yearly request metrics")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    private static final Logger LOG = Logger.getLogger(ComplianceResource.class);

    private final AgroalDataSource db;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeadlineGauges gauges;
    private final AccountClient accounts;
    private final DisclosureClient disclosures;
    private final PeerCallMetrics peers;

    public ComplianceResource(AgroalDataSource db, ObjectMapper json, Clock clock, DeadlineGauges gauges,
                              @RestClient AccountClient accounts, @RestClient DisclosureClient disclosures,
                              PeerCallMetrics peers) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.gauges = gauges;
        this.accounts = accounts;
        this.disclosures = disclosures;
        this.peers = peers;
    }

    @GET
    @Path("/compliance/report")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Compliance report (§17)", description = "Requests answered on time, overdue; from "
            + "disclosure-service: active holds, ledger verification, sub-processors without an agreement; from "
            + "account-service: flagged sensitive data, retention overruns. A peer that does not answer makes its "
            + "section {\"status\":\"unavailable\"}.")
    public ObjectNode report() throws SQLException {
        Instant now = clock.instant();
        ObjectNode out = json.createObjectNode();
        out.put("generatedAt", now.toString());
        ObjectNode requests = out.putObject("requests");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select "
                    + "count(*) filter (where status in ('COMPLETED','PARTIALLY_COMPLETED','DENIED')), "
                    + "count(*) filter (where status in ('COMPLETED','PARTIALLY_COMPLETED','DENIED') and responded_at <= due_at), "
                    + "count(*) filter (where status in " + RequestStatus.OPEN_SQL + "), "
                    + "count(*) filter (where status in " + RequestStatus.OPEN_SQL + " and due_at < ?), "
                    + "count(*) filter (where status = 'FAILED'), "
                    + "count(*) filter (where status = 'ROUTED_TO_CONTROLLER'), "
                    + "count(*) filter (where extended_days is not null) from dsr_request")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long answered = rs.getLong(1);
                long onTime = rs.getLong(2);
                long overdue = rs.getLong(4);
                long due = answered + overdue;
                requests.put("answered", answered);
                requests.put("answeredOnTime", onTime);
                requests.put("open", rs.getLong(3));
                requests.put("overdue", overdue);
                if (due == 0) {
                    requests.putNull("shareAnsweredOnTime");
                } else {
                    requests.put("shareAnsweredOnTime", Math.round(onTime * 10_000.0 / due) / 10_000.0);
                }
                requests.put("failed", rs.getLong(5));
                requests.put("routedToController", rs.getLong(6));
                requests.put("extended", rs.getLong(7));
            }
        }
        requests.put("dueSoon", gauges.dueSoon());
        requests.put("shareDefinition", "answered on or before the due date / (answered + open past the due date)");
        out.set("disclosure", peer("disclosure-service", () -> peers.time(PeerCallMetrics.DISCLOSURE, disclosures::compliance)));
        out.set("account", peer("account-service", () -> peers.time(PeerCallMetrics.ACCOUNT, accounts::compliance)));
        return out;
    }

    private ObjectNode peer(String name, Supplier<JsonNode> call) {
        ObjectNode section = json.createObjectNode();
        try {
            JsonNode answer = call.get();
            section.put("status", "available");
            answer.fields().forEachRemaining(e -> section.set(e.getKey(), e.getValue()));
        } catch (RuntimeException e) {
            LOG.warnf("compliance section of %s unavailable: %s", name, e.toString());
            section.put("status", "unavailable");
            section.put("detail", name + " did not answer");
        }
        return section;
    }

    @GET
    @Path("/reports/metrics")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Yearly request metrics per type (CCPA §7102)", description = "Requests received in the "
            + "calendar year (UTC): how many, complied with in whole or in part, denied, and the median days to a "
            + "substantive response.")
    public ObjectNode metrics(@QueryParam("year") Integer year) throws SQLException {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2200) {
            throw ProblemException.badRequest("year is out of range", new Problem.FieldError("year", "must be 2000..2200"));
        }
        Instant from = LocalDate.of(y, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = LocalDate.of(y + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        ObjectNode out = json.createObjectNode();
        out.put("year", y);
        ArrayNode types = out.putArray("types");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select type, count(*), "
                    + "count(*) filter (where status in ('COMPLETED','PARTIALLY_COMPLETED')), "
                    + "count(*) filter (where status = 'DENIED'), "
                    + "percentile_cont(0.5) within group (order by extract(epoch from responded_at - received_at) / 86400.0) "
                    + "filter (where status in ('COMPLETED','PARTIALLY_COMPLETED','DENIED')) "
                    + "from dsr_request where received_at >= ? and received_at < ? group by type")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            java.util.Map<String, ObjectNode> rows = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode row = json.createObjectNode();
                    row.put("type", rs.getString(1));
                    row.put("received", rs.getLong(2));
                    row.put("complied", rs.getLong(3));
                    row.put("denied", rs.getLong(4));
                    double median = rs.getDouble(5);
                    if (rs.wasNull()) {
                        row.putNull("medianDays");
                    } else {
                        row.put("medianDays", Math.round(median * 100) / 100.0);
                    }
                    rows.put(rs.getString(1), row);
                }
            }
            for (RequestType t : RequestType.values()) {
                ObjectNode row = rows.get(t.name());
                if (row == null) {
                    row = json.createObjectNode().put("type", t.name()).put("received", 0).put("complied", 0)
                            .put("denied", 0).putNull("medianDays");
                }
                types.add(row);
            }
        }
        return out;
    }
}
