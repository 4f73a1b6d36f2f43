package dev.steward.disclosure.ledger;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.tlog.CompactRange;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The ledger's single writer (group commit). Callers queue entries; one thread drains the queue
 * and writes each batch in one transaction under the chain-head row lock
 * ({@code select ... for update} on {@code chain_head}), so several replicas append to one chain
 * correctly. A caller's future completes with its sequence number and hash only after the commit.
 * If a batch fails (say one record violates a constraint), its entries are retried one by one, so
 * only the faulty entry fails.
 * <p>Each batch also extends the RFC 9162 tree ({@link TreeStore}): the writer keeps the tree's
 * right edge in memory while it alone appends (the head it locks still has the size it last
 * wrote), reloads it from the stored nodes otherwise, and inserts the completed subtrees it
 * stores in the same transaction as the entries.
 * <p>Plain JDBC with its own connection and commit, outside JTA: one transaction carries many
 * callers' appends (group commit), which a per-call {@code @Transactional} cannot express.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final String INSERT = "insert into ledger_entry (seq, entry_type, ref_id, content_digest,"
            + " recorded_at, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?)";

    private static final String HEAD_UPDATE = "update chain_head set seq = ?, hash = ? where id = 1";

    private record Pending(LedgerContent content, CompletableFuture<Receipt> done) {
    }

    private final AgroalDataSource db;
    private final int maxBatch;
    private final long ackTimeoutSeconds;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final io.micrometer.core.instrument.Timer batchTimes;
    private volatile boolean running;
    private Thread thread;
    /** The tree's right edge after this writer's last commit; null when unknown (start, failed batch). */
    private CompactRange edge;

    public LedgerWriter(AgroalDataSource db, MeterRegistry metrics, LedgerConfig config) {
        this.db = db;
        this.maxBatch = config.maxBatch();
        this.ackTimeoutSeconds = config.ackTimeoutSeconds();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSizes = DistributionSummary.builder("steward.ledger.batch.size")
                .description("Entries written per group commit").register(metrics);
        this.batchTimes = io.micrometer.core.instrument.Timer.builder("steward.ledger.batch.duration")
                .description("Time to write and commit one group commit").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** A ledger entry whose record collides with one already recorded (a unique key, SQLSTATE 23505). */
    public static final class DuplicateEntry extends RuntimeException {
        DuplicateEntry(Throwable cause) {
            super("the entry's record is already recorded", cause);
        }
    }

    /**
     * Appends and waits until the entry is durable (at most {@code LEDGER_ACK_TIMEOUT_SECONDS}).
     * Throws {@link DuplicateEntry} when its record's key is taken, else a 503 problem: nothing
     * was recorded and a retry may succeed.
     */
    public Receipt appendAndWait(LedgerContent content) {
        try {
            return append(content).get(ackTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw new DuplicateEntry(sql);
                }
            }
            LOG.error("Ledger append failed", e.getCause());
            throw unavailable();
        } catch (TimeoutException e) {
            LOG.error("Ledger append not durable within " + ackTimeoutSeconds + " s");
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "ledger-unavailable", "Ledger unavailable",
                "The entry could not be made durable in the ledger; nothing is recorded. Try again."));
    }

    /** Queues an entry; the future completes once it is committed (or fails with the reason). */
    public CompletableFuture<Receipt> append(LedgerContent content) {
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(content, done))) {
            throw new ProblemException(Problem.of(503, "ledger-busy", "Ledger busy",
                    "The ledger cannot take more entries right now; try again shortly"));
        }
        return done;
    }

    private void run() {
        try {
            loadTree();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not load the ledger tree at start; the first batch will", e);
        }
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeOrSplit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Ledger writer error", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOrSplit(List<Pending> batch) {
        try {
            long start = System.nanoTime();
            List<Receipt> receipts = write(batch);
            batchTimes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            complete(batch, receipts);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.warnf("Ledger batch of %d failed (%s); writing its entries one by one", batch.size(), e.getMessage());
            for (Pending p : batch) {
                try {
                    complete(List.of(p), write(List.of(p)));
                } catch (SQLException | RuntimeException single) {
                    p.done().completeExceptionally(single);
                }
            }
        }
    }

    /** Loads the tree's edge under the head lock, first building the nodes a pre-tree ledger lacks. */
    private void loadTree() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement head = c.prepareStatement("select seq from chain_head where id = 1 for update");
                 ResultSet rs = head.executeQuery()) {
                rs.next();
                edge = TreeStore.edge(c, rs.getLong(1));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void complete(List<Pending> batch, List<Receipt> receipts) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(receipts.get(i));
        }
    }

    private List<Receipt> write(List<Pending> batch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                String prev;
                try (PreparedStatement head = c.prepareStatement("select seq, hash from chain_head where id = 1 for update");
                     ResultSet rs = head.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("chain_head row is missing");
                    }
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
                CompactRange tree = edge != null && edge.size() == seq ? edge.copy() : TreeStore.edge(c, seq);
                edge = null; // until this batch commits
                List<Receipt> receipts = new ArrayList<>(batch.size());
                TreeStore.NewNodes nodes = new TreeStore.NewNodes();
                try (PreparedStatement ins = c.prepareStatement(INSERT); WriteBatch content = new WriteBatch(c)) {
                    for (Pending p : batch) {
                        LedgerContent e = p.content();
                        seq++;
                        String hash = Chain.hash(seq, e.type(), e.ref(), e.digest(), e.recordedAt(), prev);
                        tree.append(TreeStore.leafHash(seq, e.type(), e.ref(), e.digest(), e.recordedAt()),
                                nodes);
                        ins.setLong(1, seq);
                        ins.setString(2, e.type());
                        ins.setObject(3, e.ref());
                        ins.setString(4, e.digest());
                        ins.setTimestamp(5, Timestamp.from(e.recordedAt()));
                        ins.setString(6, prev);
                        ins.setString(7, hash);
                        ins.addBatch();
                        e.write(content, seq);
                        receipts.add(new Receipt(seq, hash));
                        prev = hash;
                    }
                    content.execute();
                    ins.executeBatch();
                }
                // new subtrees ride on the head update: no extra round trip for the tree
                try (PreparedStatement up = c.prepareStatement(nodes.isEmpty() ? HEAD_UPDATE
                        : "with nodes as (" + TreeStore.INSERT_ARRAYS + ") " + HEAD_UPDATE)) {
                    int p = nodes.bind(c, up);
                    up.setLong(p, seq);
                    up.setString(p + 1, prev);
                    up.executeUpdate();
                }
                c.commit();
                edge = tree;
                batchSizes.record(batch.size());
                return receipts;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
