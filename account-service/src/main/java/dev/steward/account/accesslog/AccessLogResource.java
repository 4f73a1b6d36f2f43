package dev.steward.account.accesslog;

import dev.steward.account.platform.SqlWork;
import dev.steward.platform.idempotency.IdempotentPosts;
import dev.steward.platform.security.Caller;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Network access logs (§3): batch ingest by the services (gateway), one JDBC batch per call. */
@Path("/internal/access-logs")
@Tag(name = "Internal")
@RolesAllowed(Roles.SERVICE)
public class AccessLogResource {

    public record Entry(@NotNull @Valid SubjectRef subject,
                        @NotBlank @Size(max = 64) String ip,
                        @NotNull Instant at,
                        @NotNull @Min(0) @Max(86_400_000L) Long durationMs,
                        @Size(max = 1000) String userAgent,
                        @Size(max = 2000) String path) {
    }

    public record Batch(@NotNull @Size(min = 1, max = 5000) List<@Valid @NotNull Entry> entries) {
    }

    private final AgroalDataSource db;
    private final IdempotentPosts idempotentPosts;
    private final Caller caller;

    public AccessLogResource(AgroalDataSource db, IdempotentPosts idempotentPosts, Caller caller) {
        this.db = db;
        this.idempotentPosts = idempotentPosts;
        this.caller = caller;
    }

    /**
     * JDBC batch (sent as multi-row INSERTs): up to 5,000 rows in one round trip, never one persist per row.
     * An Idempotency-Key (scoped to the calling service) makes a retried batch answer the first response
     * without storing its rows twice.
     */
    @POST
    @Transactional(rollbackOn = Exception.class)
    public Response ingest(@HeaderParam(IdempotentPosts.HEADER) String idempotencyKey, @Valid @NotNull Batch batch)
            throws SQLException {
        return idempotentPosts.run(caller.id(), idempotencyKey, batch, SqlWork.unchecked(() ->
                Response.ok(insert(batch)).type(MediaType.APPLICATION_JSON).build()));
    }

    private Map<String, Integer> insert(Batch batch) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into access_log (org, kind, subject_id, ip, at, "
                     + "duration_ms, user_agent, path) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : batch.entries()) {
                ps.setString(1, e.subject().org());
                ps.setString(2, e.subject().kind().name());
                ps.setString(3, e.subject().id());
                ps.setString(4, e.ip());
                ps.setTimestamp(5, Timestamp.from(e.at()));
                ps.setLong(6, e.durationMs());
                ps.setString(7, e.userAgent());
                ps.setString(8, e.path());
                ps.addBatch();
            }
            ps.executeBatch();
            return Map.of("accepted", batch.entries().size());
        }
    }
}
