package dev.steward.disclosure.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import dev.steward.tlog.CompactRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes the chain from the stored rows, streaming them with a cursor (plain JDBC: a
 * forward-only scan of the whole ledger, which an ORM would hold in its persistence context): each entry's link to
 * the previous hash, its own hash, the digest of the record it covers, no gaps, and — when the
 * range reaches the head — that the head row agrees with the last entry (a truncated tail).
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final int CHUNK = 500;
    /** A whole-ledger scan may outlast the default transaction timeout. */
    static final int SCAN_TIMEOUT_SECONDS = 3600;

    private record Row(long seq, String type, UUID ref, String digest, Instant recordedAt, String prev, String hash) {
    }

    private final AgroalDataSource db;
    private final Map<String, ContentDigests> contentByType = new HashMap<>();

    public LedgerVerifier(AgroalDataSource db, Instance<ContentDigests> contents) {
        this.db = db;
        for (ContentDigests c : contents) {
            for (String type : c.types()) {
                contentByType.put(type, c);
            }
        }
    }

    public record Head(long size, String hash) {
    }

    public Head head() throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, hash from chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * Verifies {@code [from, to]} (null: 1 and the head). The entry before {@code from} anchors the
     * range unless {@code anchorHash} (a signed checkpoint's head hash) is given.
     */
    public Verification verify(Long fromOrNull, Long toOrNull, String anchorHash) throws SQLException {
        return verify(fromOrNull, toOrNull, anchorHash, null); // the transaction starts there
    }

    /**
     * As above, and the RFC 9162 tree too: the tree's edge before {@code from} (from the stored
     * nodes) must have {@code anchorRoot} (a signed checkpoint's root, hex) when one is given, and
     * every stored subtree completed inside the range must equal the one recomputed from the entries.
     */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = SCAN_TIMEOUT_SECONDS)
    public Verification verify(Long fromOrNull, Long toOrNull, String anchorHash, String anchorRoot) throws SQLException {
        Head head = head();
        long from = fromOrNull == null ? 1 : Math.max(1, fromOrNull);
        long to = toOrNull == null ? head.size() : Math.min(toOrNull, head.size());
        // the transaction's connection (autocommit off), so that the fetch size makes the driver stream
        try (Connection c = db.getConnection()) {
            String prev = anchorHash != null ? anchorHash : from == 1 ? Chain.genesis() : storedHash(c, from - 1);
            if (prev == null) {
                return new Verification(false, from, to, 0, from - 1, "entry missing", head.size(), head.hash());
            }
            long expected = from;
            long checked = 0;
            CompactRange tree;
            try {
                tree = from == 1 ? new CompactRange() : CompactRange.resume(from - 1, TreeStore.reader(c));
            } catch (IllegalStateException e) {
                return new Verification(false, from, to, 0, from, "tree nodes missing before this entry", head.size(),
                        head.hash());
            }
            if (anchorRoot != null && !HexFormat.of().formatHex(tree.root()).equals(anchorRoot)) {
                return new Verification(false, from, to, 0, from, "stored tree does not match the last checkpoint's root",
                        head.size(), head.hash());
            }
            List<long[]> completed = new ArrayList<>();
            Map<String, byte[]> completedHashes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select seq, entry_type, ref_id, content_digest,"
                    + " recorded_at, prev_hash, hash from ledger_entry where seq between ? and ? order by seq")) {
                ps.setFetchSize(CHUNK);
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Row> chunk = new ArrayList<>(CHUNK);
                    boolean more = true;
                    while (more) {
                        more = rs.next();
                        if (more) {
                            chunk.add(new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                                    rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
                        }
                        if (chunk.size() == CHUNK || (!more && !chunk.isEmpty())) {
                            Map<String, Map<UUID, String>> digests = contentDigests(chunk);
                            for (Row r : chunk) {
                                String problem = check(r, expected, prev, digests);
                                if (problem != null) {
                                    return new Verification(false, from, to, checked, expected, problem,
                                            head.size(), head.hash());
                                }
                                prev = r.hash();
                                expected++;
                                checked++;
                                tree.append(TreeStore.leafHash(r.seq(), r.type(), r.ref(), r.digest(), r.recordedAt()),
                                        (level, idx, hash) -> {
                                            if (TreeStore.stored(level)) {
                                                completed.add(new long[] {level, idx});
                                                completedHashes.put(level + "/" + idx, hash);
                                            }
                                        });
                            }
                            Long broken = firstBadNode(c, completed, completedHashes);
                            if (broken != null) {
                                return new Verification(false, from, to, checked, broken,
                                        "stored tree node covering this entry does not match the entries", head.size(),
                                        head.hash());
                            }
                            completed.clear();
                            completedHashes.clear();
                            chunk.clear();
                        }
                    }
                }
            }
            if (expected <= to) {
                return new Verification(false, from, to, checked, expected, "entry missing", head.size(), head.hash());
            }
            if (to == head.size() && to >= from && !prev.equals(head.hash())) {
                return new Verification(false, from, to, checked, to, "chain head does not match the last entry",
                        head.size(), head.hash());
            }
            if (to == head.size() && head.size() > 0 && maxSeq(c) != head.size()) {
                return new Verification(false, from, to, checked, head.size() + 1, "entries beyond the chain head",
                        head.size(), head.hash());
            }
            return new Verification(true, from, to, checked, null, null, head.size(), head.hash());
        }
    }

    /** The first entry covered by a stored subtree that is missing or differs from the recomputed one, or null. */
    private static Long firstBadNode(Connection c, List<long[]> completed, Map<String, byte[]> hashes)
            throws SQLException {
        Map<Long, List<Long>> byLevel = new TreeMap<>();
        for (long[] n : completed) {
            byLevel.computeIfAbsent(n[0], l -> new ArrayList<>()).add(n[1]);
        }
        Long first = null;
        for (Map.Entry<Long, List<Long>> e : byLevel.entrySet()) {
            int level = e.getKey().intValue();
            List<Long> idxs = e.getValue();
            Map<Long, byte[]> stored = TreeStore.storedNodes(c, level, idxs.get(0), idxs.get(idxs.size() - 1));
            for (long idx : idxs) {
                if (!Arrays.equals(stored.get(idx), hashes.get(level + "/" + idx))) {
                    long seq = (idx << level) + 1;
                    first = first == null ? seq : Math.min(first, seq);
                }
            }
        }
        return first;
    }

    private static String check(Row r, long expected, String prev, Map<String, Map<UUID, String>> digests) {
        if (r.seq() != expected) {
            return "entry missing";
        }
        if (!r.prev().equals(prev)) {
            return "link to the previous entry broken";
        }
        if (!Chain.hash(r.seq(), r.type(), r.ref(), r.digest(), r.recordedAt(), r.prev()).equals(r.hash())) {
            return "entry changed: its hash does not match its contents";
        }
        String actual = digests.getOrDefault(r.type(), Map.of()).get(r.ref());
        if (actual == null) {
            return "covered record missing";
        }
        if (!actual.equals(r.digest())) {
            return "covered record changed: its digest does not match the entry";
        }
        return null;
    }

    /** Recomputed digests by entry type, then record id (a hold's placement and release share its id). */
    private Map<String, Map<UUID, String>> contentDigests(List<Row> rows) {
        Map<String, List<UUID>> byType = new HashMap<>();
        for (Row r : rows) {
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.ref());
        }
        Map<String, Map<UUID, String>> out = new HashMap<>();
        for (Map.Entry<String, List<UUID>> e : byType.entrySet()) {
            ContentDigests content = contentByType.get(e.getKey());
            if (content != null) {
                out.put(e.getKey(), content.digests(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private static String storedHash(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select hash from ledger_entry where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long maxSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from ledger_entry");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
