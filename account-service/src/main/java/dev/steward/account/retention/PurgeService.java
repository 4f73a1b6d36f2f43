package dev.steward.account.retention;

import dev.steward.account.peer.HoldsClient;
import dev.steward.account.peer.LegalHolds;
import dev.steward.account.platform.crypto.SubjectKeys;
import dev.steward.platform.problem.ProblemException;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Deletes what is past retention (§7), except for subjects or orgs on a legal hold (asked of
 * disclosure-service, never assumed), and writes a purge receipt. One run at a time across every
 * replica: a PostgreSQL advisory lock guards the run (the daily trigger itself is a db-scheduler
 * recurring task, so only one replica fires it). The deletes and the receipt are one transaction
 * with its own timeout; the hold checks run before it.
 */
@ApplicationScoped
public class PurgeService {

    private static final Logger LOG = Logger.getLogger(PurgeService.class);
    static final long LOCK_KEY = 0x5354455741524450L; // "STEWARDP"
    /** A long job (at most max-subjects-per-run subjects' set-based deletes); this bounds a stuck one. */
    static final int TIMEOUT_SECONDS = 1800;

    private final AgroalDataSource db;
    private final LegalHolds holds;
    private final SubjectKeys keys;
    private final RetentionConfig config;
    private final Clock clock;
    private final PurgeMetrics metrics;

    public PurgeService(AgroalDataSource db, LegalHolds holds, SubjectKeys keys, RetentionConfig config, Clock clock,
                        PurgeMetrics metrics) {
        this.db = db;
        this.metrics = metrics;
        this.holds = holds;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** Called outside any transaction: the advisory lock is held by its own connection for the whole run. */
    public PurgeReceipt purge(String trigger) throws SQLException {
        try (Connection lock = db.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                throw ProblemException.conflict("purge-running", "Purge running",
                        "A purge is already running (on this or another replica); try again when it has finished");
            }
            try {
                PurgeReceipt receipt = run(trigger);
                metrics.succeeded(receipt.fieldsPurged, receipt.subjectsPurged, receipt.accessLogsPurged);
                return receipt;
            } catch (RuntimeException | SQLException e) {
                metrics.failed();
                throw e;
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private record Candidate(Long subjectPk, SubjectRef ref) {
    }

    private PurgeReceipt run(String trigger) throws SQLException {
        Instant started = clock.instant();
        // 1. who has something past retention (JDBC: set-based SQL over the overdue fields)
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select distinct subject_id, org, kind, ext_id from ("
                    + RetentionRules.OVERDUE_FIELDS + ") x order by subject_id limit ?")) {
                ps.setInt(1, config.maxSubjectsPerRun());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SubjectRef ref = new SubjectRef(rs.getString(2), SubjectRef.Kind.valueOf(rs.getString(3)), rs.getString(4));
                        candidates.put(key(ref), new Candidate(rs.getLong(1), ref));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select distinct org, kind, subject_id from access_log "
                    + "where at < now() - ? * interval '1 day' limit ?")) {
                ps.setInt(1, config.accessLogDays());
                ps.setInt(2, config.maxSubjectsPerRun());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SubjectRef ref = new SubjectRef(rs.getString(1), SubjectRef.Kind.valueOf(rs.getString(2)), rs.getString(3));
                        candidates.putIfAbsent(key(ref), new Candidate(null, ref));
                    }
                }
            }
        }
        // 2. legal holds: an ORG-scope hold answers for every subject of that org
        Set<String> heldOrgs = new HashSet<>();
        List<String> held = new ArrayList<>();
        List<Long> allowedPks = new ArrayList<>();
        List<String> allowedRefs = new ArrayList<>();
        for (Candidate cand : candidates.values()) {
            boolean isHeld;
            if (heldOrgs.contains(cand.ref().org())) {
                isHeld = true;
            } else {
                HoldsClient.Holds h = holds.of(cand.ref());
                isHeld = h.held();
                if (h.holds().stream().anyMatch(x -> "ORG".equals(x.scope()))) {
                    heldOrgs.add(cand.ref().org());
                }
            }
            if (isHeld) {
                held.add(key(cand.ref()));
            } else {
                allowedRefs.add(key(cand.ref()));
                if (cand.subjectPk() != null) {
                    allowedPks.add(cand.subjectPk());
                }
            }
        }
        // 3. set-based deletes for everyone not held (JDBC: a few statements whatever the number of rows)
        long[] counts = new long[3];
        List<Long> emptied = new ArrayList<>();
        PurgeReceipt receipt = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            try (Connection c = db.getConnection()) {
                Long[] pks = allowedPks.toArray(Long[]::new);
                try (PreparedStatement ps = c.prepareStatement("delete from personal_field f using (" + RetentionRules.OVERDUE_FIELDS
                        + ") x where f.subject_id = x.subject_id and f.name = x.name and x.subject_id in (select unnest(?::bigint[]))")) {
                    ps.setArray(1, c.createArrayOf("bigint", pks));
                    counts[0] = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("select s.id from subject s where s.id in (select unnest(?::bigint[])) and s.kind = 'END_USER' "
                        + "and not exists (select 1 from personal_field f where f.subject_id = s.id)")) {
                    ps.setArray(1, c.createArrayOf("bigint", pks));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            emptied.add(rs.getLong(1));
                        }
                    }
                }
                Object[] gone = emptied.toArray();
                for (String sql : List.of("delete from end_user_record where subject_id in (select unnest(?::bigint[]))",
                        "delete from subject_key where subject_id in (select unnest(?::bigint[]))",
                        "delete from subject where id in (select unnest(?::bigint[]))")) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setArray(1, c.createArrayOf("bigint", gone));
                        ps.executeUpdate();
                    }
                }
                counts[1] = emptied.size();
                try (PreparedStatement ps = c.prepareStatement("delete from access_log where at < now() - ? * interval '1 day' "
                        + "and (org || '/' || kind || '/' || subject_id) in (select unnest(?::varchar[]))")) {
                    ps.setInt(1, config.accessLogDays());
                    ps.setArray(2, c.createArrayOf("varchar", allowedRefs.toArray()));
                    counts[2] = ps.executeUpdate();
                }
            }
            PurgeReceipt r = new PurgeReceipt();
            r.trigger = trigger;
            r.startedAt = started;
            r.finishedAt = clock.instant();
            r.fieldsPurged = counts[0];
            r.subjectsPurged = counts[1];
            r.accessLogsPurged = counts[2];
            r.heldSkipped = held.size();
            r.heldSubjects = held;
            r.persist();
            return r;
        });
        keys.evict(emptied);
        LOG.infof("Purge %d (%s): %d fields, %d subjects, %d access logs deleted; %d held subject(s) skipped",
                receipt.id, trigger, counts[0], counts[1], counts[2], held.size());
        return receipt;
    }

    private static String key(SubjectRef ref) {
        return ref.org() + "/" + ref.kind().name() + "/" + ref.id();
    }

    /** Keyset-paged, newest first: {@code limitPlusOne} receipts with an id below {@code beforeId}. */
    @Transactional
    public List<PurgeReceipt> receipts(long beforeId, int limitPlusOne) {
        return PurgeReceipt.<PurgeReceipt>find("id < ?1", Sort.descending("id"), beforeId).range(0, limitPlusOne - 1).list();
    }
}
