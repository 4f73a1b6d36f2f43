package dev.steward.request.intake;

import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RequestRepository {

    private final AgroalDataSource db;

    public RequestRepository(AgroalDataSource db) {
        this.db = db;
    }

    public void insert(DataSubjectRequest r, String submittedBy) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into dsr_request (id, type, subject_org, "
                     + "subject_kind, subject_id, status, jurisdiction, submitted_by, received_at, due_at) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, r.id());
            ps.setString(2, r.type().name());
            ps.setString(3, r.subject().org());
            ps.setString(4, r.subject().kind().name());
            ps.setString(5, r.subject().id());
            ps.setString(6, r.status());
            ps.setString(7, r.jurisdiction().name());
            ps.setString(8, submittedBy);
            ps.setTimestamp(9, Timestamp.from(r.receivedAt()));
            ps.setTimestamp(10, Timestamp.from(r.dueAt()));
            ps.executeUpdate();
        }
    }

    public Optional<DataSubjectRequest> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, type, subject_org, subject_kind, subject_id, "
                     + "status, jurisdiction, received_at, due_at from dsr_request where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DataSubjectRequest(rs.getObject(1, UUID.class),
                        RequestType.valueOf(rs.getString(2)),
                        new SubjectRef(rs.getString(3), SubjectRef.Kind.valueOf(rs.getString(4)), rs.getString(5)),
                        rs.getString(6), Jurisdiction.valueOf(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()));
            }
        }
    }
}
