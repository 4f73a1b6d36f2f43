package dev.steward.disclosure.ledger;

import dev.steward.tlog.CompactRange;
import dev.steward.tlog.LeafData;
import dev.steward.tlog.Merkle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's RFC 9162 tree in PostgreSQL (table ledger_tree_node, see V5): leaves are
 * recomputed from the entry rows, and perfect subtrees of height 4, 8, 12, ... are stored, so any
 * subtree hash costs one small range read. Plain JDBC on a caller's connection: the writer uses
 * its group-commit transaction, proofs a read-only connection.
 */
public final class TreeStore {

    /** Stored subtree heights are multiples of this. */
    public static final int STRIDE = 4;
    static final String INSERT = "insert into ledger_tree_node (level, idx, hash) values (?, ?, ?)";
    /** The same for any number of nodes as three arrays (parameters 1 to 3), so it joins another statement. */
    static final String INSERT_ARRAYS = "insert into ledger_tree_node (level, idx, hash)"
            + " select * from unnest(?::int2[], ?::int8[], ?::bytea[])";

    /** The stored subtrees a group commit completes, gathered for {@link #INSERT_ARRAYS}. */
    static final class NewNodes implements CompactRange.Listener {
        private final List<Short> levels = new ArrayList<>();
        private final List<Long> indexes = new ArrayList<>();
        private final List<byte[]> hashes = new ArrayList<>();

        @Override
        public void completed(int level, long index, byte[] hash) {
            if (stored(level)) {
                levels.add((short) level);
                indexes.add(index);
                hashes.add(hash);
            }
        }

        boolean isEmpty() {
            return levels.isEmpty();
        }

        /** Binds parameters 1 to 3 unless there are no nodes; returns the next parameter's number. */
        int bind(Connection c, PreparedStatement ps) throws SQLException {
            if (isEmpty()) {
                return 1;
            }
            ps.setArray(1, c.createArrayOf("int2", levels.toArray()));
            ps.setArray(2, c.createArrayOf("int8", indexes.toArray()));
            ps.setArray(3, c.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
            return 4;
        }
    }

    private TreeStore() {
    }

    public static byte[] leafHash(long seq, String type, UUID ref, String contentDigest, Instant recordedAt) {
        return leaf(seq, type, ref, contentDigest, recordedAt).leafHash();
    }

    public static LeafData leaf(long seq, String type, UUID ref, String contentDigest, Instant recordedAt) {
        return new LeafData(seq, type, ref.toString(), contentDigest, recordedAt.toString());
    }

    /** The entry columns a leaf is made of, in the order {@link #leafOf} reads them. */
    static final String LEAF_COLUMNS = "seq, entry_type, ref_id, content_digest, recorded_at";

    static LeafData leafOf(ResultSet rs) throws SQLException {
        return leaf(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    public static boolean stored(int level) {
        return level > 0 && level % STRIDE == 0;
    }

    /**
     * Subtree hashes read from the database through {@code c}, remembered for the life of the
     * returned object (one proof, one resume). Only subtrees inside the committed tree may be asked for.
     */
    public static Merkle.Subtrees reader(Connection c) {
        Map<Long, byte[]> memo = new HashMap<>();
        return (level, index) -> memo.computeIfAbsent(((long) level << 56) | index, k -> {
            try {
                return read(c, level, index);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the ledger tree failed", e);
            }
        });
    }

    private static byte[] read(Connection c, int level, long index) throws SQLException {
        int base = level - level % STRIDE;
        int fold = level - base;
        long from = index << fold;
        long count = 1L << fold;
        List<byte[]> layer = base == 0 ? leaves(c, from, count) : nodes(c, base, from, count);
        if (layer.size() != count) {
            throw new IllegalStateException("the ledger tree lacks nodes at level " + base + " from " + from);
        }
        while (layer.size() > 1) {
            List<byte[]> up = new ArrayList<>(layer.size() / 2);
            for (int i = 0; i < layer.size(); i += 2) {
                up.add(Merkle.nodeHash(layer.get(i), layer.get(i + 1)));
            }
            layer = up;
        }
        return layer.get(0);
    }

    /** Leaf hashes of leaves [from, from + count), i.e. entries seq from+1 .. from+count. */
    static List<byte[]> leaves(Connection c, long from, long count) throws SQLException {
        List<byte[]> out = new ArrayList<>((int) count);
        try (PreparedStatement ps = c.prepareStatement("select " + LEAF_COLUMNS
                + " from ledger_entry where seq between ? and ? order by seq")) {
            ps.setLong(1, from + 1);
            ps.setLong(2, from + count);
            try (ResultSet rs = ps.executeQuery()) {
                long expected = from + 1;
                while (rs.next()) {
                    if (rs.getLong(1) != expected++) {
                        throw new IllegalStateException("ledger entry " + (expected - 1) + " is missing");
                    }
                    out.add(leafOf(rs).leafHash());
                }
            }
        }
        return out;
    }

    private static List<byte[]> nodes(Connection c, int level, long from, long count) throws SQLException {
        List<byte[]> out = new ArrayList<>((int) count);
        try (PreparedStatement ps = c.prepareStatement(
                "select hash from ledger_tree_node where level = ? and idx between ? and ? order by idx")) {
            ps.setInt(1, level);
            ps.setLong(2, from);
            ps.setLong(3, from + count - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
        }
        return out;
    }

    /** The stored hashes of nodes [fromIdx, toIdx] at one level, by index. */
    static Map<Long, byte[]> storedNodes(Connection c, int level, long fromIdx, long toIdx) throws SQLException {
        Map<Long, byte[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select idx, hash from ledger_tree_node where level = ? and idx between ? and ?")) {
            ps.setInt(1, level);
            ps.setLong(2, fromIdx);
            ps.setLong(3, toIdx);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        return out;
    }

    /**
     * The tree's right edge at {@code size} entries, building any stored nodes that are missing
     * first (a ledger written before the tree existed): called by the writer under the chain-head
     * lock, in its transaction.
     */
    static CompactRange edge(Connection c, long size) throws SQLException {
        long built = 0;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(idx) + 1, 0) from ledger_tree_node where level = ?")) {
            ps.setInt(1, STRIDE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                built = rs.getLong(1) << STRIDE;
            }
        }
        long whole = size & ~((1L << STRIDE) - 1);
        if (built >= whole) {
            return CompactRange.resume(size, reader(c));
        }
        CompactRange edge = CompactRange.resume(built, reader(c));
        try (PreparedStatement ins = c.prepareStatement(INSERT);
             PreparedStatement ps = c.prepareStatement("select " + LEAF_COLUMNS
                     + " from ledger_entry where seq > ? and seq <= ? order by seq")) {
            ps.setFetchSize(1000);
            ps.setLong(1, built);
            ps.setLong(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    edge.append(leafOf(rs).leafHash(), (level, idx, hash) -> add(ins, level, idx, hash));
                }
            }
            ins.executeBatch();
        }
        if (edge.size() != size) {
            throw new IllegalStateException("the ledger has " + edge.size() + " entries below its head " + size);
        }
        return edge;
    }

    /** Adds a completed subtree to the insert batch when its height is one the store keeps. */
    static void add(PreparedStatement ins, int level, long idx, byte[] hash) {
        if (!stored(level)) {
            return;
        }
        try {
            ins.setInt(1, level);
            ins.setLong(2, idx);
            ins.setBytes(3, hash);
            ins.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
