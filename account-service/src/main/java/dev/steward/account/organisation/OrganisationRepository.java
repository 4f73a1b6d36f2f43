package dev.steward.account.organisation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@ApplicationScoped
public class OrganisationRepository {

    private final AgroalDataSource db;

    public OrganisationRepository(AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts the organisation; false when the id is already taken. */
    public boolean insert(NewOrganisation org) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into organisation (id, name) values (?, ?) on conflict (id) do nothing")) {
            ps.setString(1, org.id());
            ps.setString(2, org.name());
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Organisation> find(String id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, name, status, created_at from organisation where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Organisation(rs.getString(1), rs.getString(2),
                        Organisation.Status.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()));
            }
        }
    }
}
