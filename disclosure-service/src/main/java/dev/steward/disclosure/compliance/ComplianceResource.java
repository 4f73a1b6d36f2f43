package dev.steward.disclosure.compliance;

import dev.steward.disclosure.hold.LegalHold;
import dev.steward.disclosure.ledger.LedgerVerifier;
import dev.steward.disclosure.ledger.Verification;
import dev.steward.disclosure.subprocessor.SubProcessor;
import dev.steward.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This service's figures for the compliance report (§17), computed from live data. */
@Path("/internal/compliance")
@Tag(name = "Internal", description = "What the other services ask of this one: active holds, a subject's accounting of disclosures, compliance figures (service tokens)")
public class ComplianceResource {

    public record Ledger(boolean valid, long size, Long firstBroken) {
    }

    public record Compliance(Ledger ledger, long activeHolds, long subprocessorsWithoutAgreement) {
    }

    private final LedgerVerifier verifier;

    public ComplianceResource(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.LEGAL})
    @Operation(summary = "Ledger verification (whole chain), active legal holds, sub-processors without an agreement")
    public Compliance compliance() throws SQLException {
        Verification v = verifier.verify(null, null, null);
        return new Compliance(new Ledger(v.valid(), v.size(), v.firstBroken()), LegalHold.countActive(),
                SubProcessor.countWithoutAgreement());
    }
}
