package dev.steward.disclosure.subprocessor;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubProcessorRepository {

    private static final String COLUMNS =
            "id, name, purpose, data_categories, country, agreement_in_force, agreement_since";

    private final AgroalDataSource db;

    public SubProcessorRepository(AgroalDataSource db) {
        this.db = db;
    }

    /** Inserts and returns the new id, or empty when the name is already registered. */
    public Optional<UUID> insert(NewSubProcessor sp, String actor) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into subprocessor (" + COLUMNS
                     + ", created_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing")) {
            ps.setObject(1, id);
            ps.setString(2, sp.name());
            ps.setString(3, sp.purpose());
            ps.setArray(4, c.createArrayOf("text", sp.dataCategories().toArray()));
            ps.setString(5, sp.country());
            ps.setBoolean(6, sp.agreementInForce());
            ps.setDate(7, sp.agreementSince() == null ? null : Date.valueOf(sp.agreementSince()));
            ps.setString(8, actor);
            return ps.executeUpdate() == 1 ? Optional.of(id) : Optional.empty();
        }
    }

    public Optional<SubProcessor> find(UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from subprocessor where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** One page ordered by name, starting after {@code afterName} (keyset paging). */
    public List<SubProcessor> page(String afterName, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                     + " from subprocessor where name > ? order by name limit ?")) {
            ps.setString(1, afterName == null ? "" : afterName);
            ps.setInt(2, limit);
            List<SubProcessor> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(map(rs));
                }
            }
            return page;
        }
    }

    private static SubProcessor map(ResultSet rs) throws SQLException {
        Date since = rs.getDate(7);
        boolean inForce = rs.getBoolean(6);
        return new SubProcessor(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5), inForce,
                since == null ? null : since.toLocalDate(), !inForce);
    }
}
