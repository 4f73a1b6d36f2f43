package dev.steward.request.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pieces of an ACCESS report (dsr_report_section, dsr_report_item): a peer's JSON answer is
 * read as a stream, each top-level array becomes a section and each of its elements one row,
 * written in batches while the answer is read; everything else at the top level (scalars, small
 * objects) is handed back as the part's facts. Nothing here knows the names of sections or fields,
 * so what a peer adds to its answer appears in the report without a change here. Memory stays
 * bounded whatever the answer's size: one element and one batch at a time. Plain JDBC, because
 * this is streaming (a batch insert while parsing, a cursor while reading back).
 */
@ApplicationScoped
public class ReportSections {

    private static final int BATCH = 500;

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public ReportSections(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A section: its place in its part, name, item count and the keys its items use. */
    public record Section(String part, int position, String name, int items, List<String> columns) {
    }

    /**
     * Stores one peer answer as the sections of {@code part} of a request's report, replacing any
     * stored before (a step that runs again after a crash stores the same thing once), in one
     * transaction of its own. Answers {@code {"facts": {...}, "sections": {"name": count, ...}}}.
     */
    public ObjectNode store(UUID requestId, String part, InputStream answer) {
        try (Connection c = db.getConnection(); JsonParser p = json.getFactory().createParser(answer)) {
            c.setAutoCommit(false);
            try {
                ObjectNode out = store(c, requestId, part, p);
                c.commit();
                return out;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the report's " + part + " (SQLState " + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + part + " answer", e);
        }
    }

    private ObjectNode store(Connection c, UUID requestId, String part, JsonParser p) throws SQLException, IOException {
        delete(c, requestId, part);
        ObjectNode out = json.createObjectNode();
        ObjectNode facts = out.putObject("facts");
        ObjectNode counts = out.putObject("sections");
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("the " + part + " answer is not a JSON object");
        }
        int position = 0;
        try (PreparedStatement items = c.prepareStatement("insert into dsr_report_item (request_id, part, position, seq, item) "
                + "values (?, ?, ?, ?, cast(? as json))");
             PreparedStatement sections = c.prepareStatement("insert into dsr_report_section (request_id, part, position, "
                     + "name, items, columns) values (?, ?, ?, ?, ?, cast(? as json))")) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    facts.set(name, json.readTree(p));
                    continue;
                }
                position++;
                int seq = 0;
                Set<String> columns = new LinkedHashSet<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode item = json.readTree(p);
                    item.fieldNames().forEachRemaining(columns::add);
                    items.setObject(1, requestId);
                    items.setString(2, part);
                    items.setInt(3, position);
                    items.setInt(4, ++seq);
                    items.setString(5, json.writeValueAsString(item));
                    items.addBatch();
                    if (seq % BATCH == 0) {
                        items.executeBatch();
                    }
                }
                items.executeBatch();
                sections.setObject(1, requestId);
                sections.setString(2, part);
                sections.setInt(3, position);
                sections.setString(4, name);
                sections.setInt(5, seq);
                sections.setString(6, json.writeValueAsString(columns));
                sections.executeUpdate();
                counts.put(name, seq);
            }
        }
        return out;
    }

    /** Forgets a part's sections (a request that changed while its step ran). */
    public void delete(UUID requestId, String part) {
        try (Connection c = db.getConnection()) {
            delete(c, requestId, part);
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the report's " + part + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static void delete(Connection c, UUID requestId, String part) throws SQLException {
        for (String table : new String[] {"dsr_report_item", "dsr_report_section"}) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where request_id = ? and part = ?")) {
                ps.setObject(1, requestId);
                ps.setString(2, part);
                ps.executeUpdate();
            }
        }
    }

    /** The sections of a request's report, in order. */
    public List<Section> sections(Connection c, UUID requestId) throws SQLException {
        List<Section> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select part, position, name, items, columns from dsr_report_section "
                + "where request_id = ? order by part, position")) {
            ps.setObject(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = new ArrayList<>();
                    try {
                        json.readTree(rs.getString(5)).forEach(col -> columns.add(col.asText()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    out.add(new Section(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), columns));
                }
            }
        }
        return out;
    }

    /** What to do with each item of a section, as its stored JSON text. */
    public interface ItemSink {
        void accept(String itemJson) throws IOException;
    }

    /**
     * Reads a section's items back in order through a cursor ({@code c} must not be in auto-commit
     * mode, or PostgreSQL sends every row at once).
     */
    public void items(Connection c, UUID requestId, Section section, ItemSink sink) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("select item from dsr_report_item where request_id = ? and part = ? "
                + "and position = ? order by seq")) {
            ps.setFetchSize(BATCH);
            ps.setObject(1, requestId);
            ps.setString(2, section.part());
            ps.setInt(3, section.position());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getString(1));
                }
            }
        }
    }

    /** The first item of a section (its describing facts are shown once, above its items). */
    public Optional<String> first(Connection c, UUID requestId, Section section) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select item from dsr_report_item where request_id = ? and part = ? "
                + "and position = ? order by seq limit 1")) {
            ps.setObject(1, requestId);
            ps.setString(2, section.part());
            ps.setInt(3, section.position());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A connection for reading a report back, in a transaction so that its cursors fetch in batches (roll it back after). */
    public Connection reader() throws SQLException {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        return c;
    }
}
