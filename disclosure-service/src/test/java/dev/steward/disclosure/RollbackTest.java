package dev.steward.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.disclosure.hold.HoldReason;
import dev.steward.disclosure.hold.HoldLedger;
import dev.steward.disclosure.hold.LegalHold;
import dev.steward.disclosure.ledger.LedgerVerifier;
import dev.steward.disclosure.ledger.LedgerWriter;
import dev.steward.disclosure.record.DisclosureRecord;
import dev.steward.disclosure.record.DisclosureRepository;
import dev.steward.disclosure.record.LegalBasis;
import dev.steward.disclosure.record.NewDisclosure;
import dev.steward.disclosure.record.Outcome;
import dev.steward.disclosure.record.RecipientType;
import dev.steward.disclosure.subprocessor.SubProcessor;
import dev.steward.platform.subject.SubjectRef;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** A failure half-way through a write leaves no row behind. */
@QuarkusTest
class RollbackTest {

    @Inject
    LedgerWriter writer;

    @Inject
    DisclosureRepository disclosures;

    @Inject
    LedgerVerifier verifier;

    @Inject
    HoldLedger holdLedger;

    @Inject
    AgroalDataSource db;

    @Test
    void aDisclosureWhoseSecondWriteFailsLeavesNoRowAndNoLedgerEntry() throws Exception {
        LedgerVerifier.Head before = verifier.head();
        // the disclosure row goes in first; its subject row then breaks varchar(128), in the same group commit
        DisclosureRecord r = new DisclosureRecord(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), "lena",
                new NewDisclosure.Recipient(RecipientType.REGULATOR, "Authority", null), LegalBasis.LEGAL_OBLIGATION,
                "REF-RB", LocalDate.now(), LocalDate.now(),
                List.of(new SubjectRef("rollback", SubjectRef.Kind.END_USER, "x".repeat(200))),
                List.of("user.contact.email"), "Statutory report", Outcome.NON_CONTENT_DISCLOSED, "priya", List.of(),
                null, null, null);
        assertThrows(ExecutionException.class, () -> writer.append(disclosures.content(r)).get(30, TimeUnit.SECONDS));

        assertEquals(0, count("select count(*) from disclosure where id = ?", r.id()));
        assertEquals(0, count("select count(*) from disclosure_subject where disclosure_id = ?", r.id()));
        assertEquals(0, count("select count(*) from ledger_entry where ref_id = ?", r.id()));
        assertEquals(before, verifier.head(), "the chain head did not move");
        assertTrue(verifier.verify(null, null, null).valid());
    }

    @Test
    void aHoldWhoseLedgerWriteFailsLeavesNoRowAndNoLedgerEntry() throws Exception {
        // holds are ledger entries now: their row is written by the group commit, with the entry
        LedgerVerifier.Head before = verifier.head();
        LegalHold h = new LegalHold();
        h.id = UUID.randomUUID();
        h.scope = LegalHold.Scope.SUBJECT;
        h.org = "rollback";
        h.subjectKind = SubjectRef.Kind.END_USER;
        h.subjectId = "x".repeat(200); // breaks varchar(128) inside the batch
        h.reason = HoldReason.LITIGATION;
        h.description = "Rolled back";
        h.placedBy = "lena";
        h.placedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThrows(ExecutionException.class, () -> writer.append(holdLedger.placed(h)).get(30, TimeUnit.SECONDS));
        assertEquals(0, count("select count(*) from legal_hold where id = ?", h.id));
        assertEquals(0, count("select count(*) from ledger_entry where ref_id = ?", h.id));
        assertEquals(before, verifier.head(), "the chain head did not move");
        assertTrue(verifier.verify(null, null, null).valid());
    }

    @Test
    void aRaceOnTheKeyFailsAtFlushWithTheExceptionTheResourcesTurnInto409() {
        String name = "Race " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> subProcessor(name).persist());
        // what two concurrent registrations (or releases) meet once both passed their existence check
        assertThrows(ConstraintViolationException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> subProcessor(name).persistAndFlush()));
    }

    private static SubProcessor subProcessor(String name) {
        SubProcessor sp = new SubProcessor();
        sp.id = UUID.randomUUID();
        sp.name = name;
        sp.purpose = "Support";
        sp.dataCategories = List.of("user.contact.email");
        sp.country = "DE";
        sp.agreementInForce = true;
        sp.agreementSince = LocalDate.of(2024, 1, 1);
        sp.createdBy = "lena";
        return sp;
    }

    private long count(String sql, Object arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
