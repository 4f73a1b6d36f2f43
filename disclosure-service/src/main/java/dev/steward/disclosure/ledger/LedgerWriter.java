package dev.steward.disclosure.ledger;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
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
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The ledger's single writer (group commit). Callers queue entries; one thread drains the queue
 * and writes each batch in one transaction under the chain-head row lock
 * ({@code select ... for update} on {@code chain_head}), so several replicas append to one chain
 * correctly. A caller's future completes with its sequence number and hash only after the commit.
 * If a batch fails (say one record violates a constraint), its entries are retried one by one, so
 * only the faulty entry fails.
 * <p>Plain JDBC with its own connection and commit, outside JTA: one transaction carries many
 * callers' appends (group commit), which a per-call {@code @Transactional} cannot express.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final String INSERT = "insert into ledger_entry (seq, entry_type, ref_id, content_digest,"
            + " recorded_at, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?)";

    private record Pending(LedgerContent content, CompletableFuture<Receipt> done) {
    }

    private final AgroalDataSource db;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private final io.micrometer.core.instrument.Timer batchTimes;
    private volatile boolean running;
    private Thread thread;

    public LedgerWriter(AgroalDataSource db, MeterRegistry metrics, LedgerConfig config) {
        this.db = db;
        this.maxBatch = config.maxBatch();
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
                List<Receipt> receipts = new ArrayList<>(batch.size());
                try (PreparedStatement ins = c.prepareStatement(INSERT); WriteBatch content = new WriteBatch(c)) {
                    for (Pending p : batch) {
                        LedgerContent e = p.content();
                        seq++;
                        String hash = Chain.hash(seq, e.type(), e.ref(), e.digest(), e.recordedAt(), prev);
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
                try (PreparedStatement up = c.prepareStatement("update chain_head set seq = ?, hash = ? where id = 1")) {
                    up.setLong(1, seq);
                    up.setString(2, prev);
                    up.executeUpdate();
                }
                c.commit();
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
