package dev.steward.disclosure.compliance;

import dev.steward.disclosure.hold.HoldRepository;
import dev.steward.disclosure.ledger.LedgerVerifier;
import dev.steward.disclosure.ledger.Verification;
import dev.steward.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This service's figures for the compliance report (§17), computed from live data. */
@Path("/internal/compliance")
@Tag(name = "Internal")
public class ComplianceResource {

    public record Ledger(boolean valid, long size, Long firstBroken) {
    }

    public record Compliance(Ledger ledger, int activeHolds, int subprocessorsWithoutAgreement) {
    }

    private final LedgerVerifier verifier;
    private final HoldRepository holds;
    private final AgroalDataSource db;

    public ComplianceResource(LedgerVerifier verifier, HoldRepository holds, AgroalDataSource db) {
        this.verifier = verifier;
        this.holds = holds;
        this.db = db;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.LEGAL})
    @Operation(summary = "Ledger verification (whole chain), active legal holds, sub-processors without an agreement")
    public Compliance compliance() throws SQLException {
        Verification v = verifier.verify(null, null, null);
        int withoutAgreement;
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from subprocessor where not agreement_in_force");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            withoutAgreement = rs.getInt(1);
        }
        return new Compliance(new Ledger(v.valid(), v.size(), v.firstBroken()), holds.countActive(), withoutAgreement);
    }
}
