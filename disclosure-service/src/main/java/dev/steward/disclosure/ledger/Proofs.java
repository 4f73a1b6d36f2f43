package dev.steward.disclosure.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.tlog.LeafData;
import dev.steward.tlog.Merkle;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * RFC 9162 answers from the stored tree: roots, inclusion and consistency proofs, and the leaf
 * data of an entry. Plain JDBC on a pooled read connection: a proof is a handful of indexed range
 * reads (see {@link TreeStore}), memoised per proof; the tree below the head never changes, so no
 * transaction is needed to read it consistently.
 */
@ApplicationScoped
public class Proofs {

    private final AgroalDataSource db;

    public Proofs(AgroalDataSource db) {
        this.db = db;
    }

    public record Inclusion(long index, long size, String leafHash, List<String> path, String rootHash) {
    }

    public record Consistency(long old, @JsonProperty("new") long newSize, List<String> proof, String oldRootHash, String newRootHash) {
    }

    /** The committed tree size (the chain head's sequence number). */
    public long size() throws SQLException {
        try (Connection c = db.getConnection()) {
            return size(c);
        }
    }

    private static long size(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select seq from chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public byte[] root(long size) throws SQLException {
        try (Connection c = db.getConnection()) {
            requireSize(c, "size", size);
            return Merkle.root(TreeStore.reader(c), size);
        }
    }

    public Inclusion inclusion(long index, long size) throws SQLException {
        try (Connection c = db.getConnection()) {
            requireSize(c, "size", size);
            if (index >= size) {
                throw ProblemException.badRequest("The index is not in a tree of that size",
                        new Problem.FieldError("index", "must be below size " + size));
            }
            Merkle.Subtrees tree = TreeStore.reader(c);
            return new Inclusion(index, size, b64(tree.perfect(0, index)),
                    Merkle.inclusionProof(tree, index, size).stream().map(Proofs::b64).toList(),
                    b64(Merkle.root(tree, size)));
        }
    }

    public Consistency consistency(long oldSize, long newSize) throws SQLException {
        try (Connection c = db.getConnection()) {
            requireSize(c, "new", newSize);
            if (oldSize > newSize) {
                throw ProblemException.badRequest("The old size is larger than the new one",
                        new Problem.FieldError("old", "must not exceed new"));
            }
            Merkle.Subtrees tree = TreeStore.reader(c);
            return new Consistency(oldSize, newSize,
                    Merkle.consistencyProof(tree, oldSize, newSize).stream().map(Proofs::b64).toList(),
                    b64(Merkle.root(tree, oldSize)), b64(Merkle.root(tree, newSize)));
        }
    }

    /** The leaf data (canonical entry) at a 0-based index, or a 404. */
    public LeafData leaf(long index) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + TreeStore.LEAF_COLUMNS
                     + " from ledger_entry where seq = ?")) {
            ps.setLong(1, index + 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Ledger entry " + index);
                }
                return TreeStore.leafOf(rs);
            }
        }
    }

    private static void requireSize(Connection c, String field, long size) throws SQLException {
        long committed = size(c);
        if (size < 0 || size > committed) {
            throw ProblemException.badRequest("The ledger has " + committed + " entries",
                    new Problem.FieldError(field, "must be between 0 and " + committed));
        }
    }

    static String b64(byte[] hash) {
        return java.util.Base64.getEncoder().encodeToString(hash);
    }
}
