package dev.steward.request.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steward.platform.subject.SubjectRef;
import dev.steward.request.intake.Intake;
import dev.steward.request.intake.PublicRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every write of a submission — the request, its events, the callback payload and the db-scheduler
 * task — is one JTA transaction: a failure after them leaves nothing behind.
 */
@QuarkusTest
class TransactionsTest {

    @Inject
    Intake intake;
    @Inject
    AgroalDataSource db;

    @Test
    void aFailureHalfWayLeavesNoRowAndNoScheduledTask() {
        String key = "tx-" + UUID.randomUUID();
        PublicRequest routed = new PublicRequest(RequestType.ACCESS, new SubjectRef("tx-co", SubjectRef.Kind.END_USER,
                "u-tx"), null, "tx@example.org", null, null, null);
        AtomicReference<UUID> id = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Intake.Result result = intake.submitPublic(routed, key);
            id.set(result.request().id);
            assertEquals(RequestStatus.ROUTED_TO_CONTROLLER, result.request().status);
            // everything is written (within this transaction) by now
            assertEquals(1, count("select count(*) from scheduled_tasks where task_instance = ?", id.get().toString()));
            throw new IllegalStateException("failure after the writes, before the commit");
        }));
        assertEquals(0, count("select count(*) from dsr_request where idem_key = ?", key));
        assertEquals(0, count("select count(*) from dsr_event where request_id = ?", id.get()));
        assertEquals(0, count("select count(*) from dsr_callback where request_id = ?", id.get()));
        assertEquals(0, count("select count(*) from scheduled_tasks where task_instance = ?", id.get().toString()),
                "the rollback took the scheduled task with it");

        // the same submission, committed, writes all of it
        UUID committed = intake.submitPublic(routed, key).request().id;
        assertEquals(1, count("select count(*) from dsr_request where idem_key = ?", key));
        assertEquals(2, count("select count(*) from dsr_event where request_id = ?", committed));
        assertEquals(1, count("select count(*) from dsr_callback where request_id = ?", committed));
    }

    /** Counts on the transaction's connection when one is running (Agroal hands it out), else on its own. */
    private long count(String sql, Object arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
