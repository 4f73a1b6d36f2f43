package dev.steward.request.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.request.store.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persisted progress (dsr_step) and the execution log (dsr_step_log). */
@ApplicationScoped
public class StepStore {

    private final RequestRepository repo;

    public StepStore(RequestRepository repo) {
        this.repo = repo;
    }

    public Optional<JsonNode> result(Connection c, UUID id, Step step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select result from dsr_step where request_id = ? and step = ?")) {
            ps.setObject(1, id);
            ps.setString(2, step.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(repo.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Records a step as done; a second save of the same step keeps the first result. */
    public void save(Connection c, UUID id, Step step, JsonNode result, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dsr_step (request_id, step, result, done_at) "
                + "values (?, ?, ?::jsonb, ?) on conflict (request_id, step) do nothing")) {
            ps.setObject(1, id);
            ps.setString(2, step.name());
            ps.setString(3, repo.write(result));
            ps.setTimestamp(4, RequestRepository.ts(at));
            ps.executeUpdate();
        }
    }

    public void replace(Connection c, UUID id, Step step, JsonNode result) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update dsr_step set result = ?::jsonb where request_id = ? and step = ?")) {
            ps.setString(1, repo.write(result));
            ps.setObject(2, id);
            ps.setString(3, step.name());
            ps.executeUpdate();
        }
    }

    public void forget(Connection c, UUID id, Step step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from dsr_step where request_id = ? and step = ?")) {
            ps.setObject(1, id);
            ps.setString(2, step.name());
            ps.executeUpdate();
        }
    }

    public void log(Connection c, UUID id, String step, int attempt, Instant started, Instant finished, String outcome,
                    String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into dsr_step_log (request_id, step, attempt, started_at, "
                + "finished_at, outcome, detail) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, step);
            ps.setInt(3, attempt);
            ps.setTimestamp(4, RequestRepository.ts(started));
            ps.setTimestamp(5, RequestRepository.ts(finished));
            ps.setString(6, outcome);
            ps.setString(7, detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
            ps.executeUpdate();
        }
    }

    public record LogEntry(String step, int attempt, Instant startedAt, Instant finishedAt, String outcome, String detail) {
    }

    public List<LogEntry> logs(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select step, attempt, started_at, finished_at, outcome, detail "
                + "from dsr_step_log where request_id = ? order by id")) {
            ps.setObject(1, id);
            List<LogEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LogEntry(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        }
    }
}
