package dev.steward.disclosure.accounting;

import dev.steward.disclosure.record.DisclosureRecord;
import dev.steward.disclosure.record.Disclosure;
import dev.steward.disclosure.record.LegalBasis;
import dev.steward.disclosure.record.RecipientType;
import dev.steward.platform.security.Roles;
import dev.steward.platform.subject.SubjectRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The accounting of disclosures for one subject, for access reports. Only disclosures that
 * actually released data, in their current (corrected) version. Entries under an active
 * non-disclosure order are left out until it lapses. Repeated disclosures to one recipient for one
 * purpose are summarised as HIPAA 164.528(b)(3) allows: the first is listed in full, the summary
 * gives the first date, the last date and how many there were.
 */
@Path("/internal/subjects/{org}/{kind}/{id}/accounting")
@Tag(name = "Internal")
public class AccountingResource {

    /** {@code ledgerIndex}: the entry's index in the ledger's Merkle tree, for a proof that it is recorded. */
    public record Entry(LocalDate disclosedOn, RecipientType recipientType, String recipient, LegalBasis legalBasis,
                        List<String> categories, String purpose, UUID disclosureId, long ledgerIndex) {
    }

    public record Summary(String recipient, String purpose, LocalDate firstDate, LocalDate lastDate, int count) {
    }

    public record Accounting(SubjectRef subject, List<Entry> entries, List<Summary> summaries) {
    }

    private final Clock clock;

    public AccountingResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER, Roles.LEGAL})
    @Operation(summary = "Accounting of disclosures for a subject (gagged entries left out while the order is active)")
    public Accounting accounting(@PathParam("org") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String org,
                                 @PathParam("kind") SubjectRef.Kind kind,
                                 @PathParam("id") @Size(max = 128) String id) {
        SubjectRef subject = new SubjectRef(org, kind, id);
        LocalDate today = LocalDate.now(clock);
        Map<List<String>, List<DisclosureRecord>> groups = new LinkedHashMap<>();
        Map<UUID, Long> indexes = new HashMap<>();
        for (Disclosure d : Disclosure.currentDisclosedAbout(subject)) {
            DisclosureRecord r = d.toRecord();
            if (!r.gaggedOn(today)) {
                groups.computeIfAbsent(List.of(r.recipient().name(), r.purpose()), k -> new ArrayList<>()).add(r);
                indexes.put(r.id(), d.ledgerSeq - 1);
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        for (List<DisclosureRecord> group : groups.values()) {
            DisclosureRecord first = group.get(0);
            entries.add(new Entry(first.disclosedOn(), first.recipient().type(), first.recipient().name(),
                    first.legalBasis(), first.dataCategories(), first.purpose(), first.id(), indexes.get(first.id())));
            if (group.size() > 1) {
                summaries.add(new Summary(first.recipient().name(), first.purpose(), first.disclosedOn(),
                        group.get(group.size() - 1).disclosedOn(), group.size()));
            }
        }
        return new Accounting(subject, entries, summaries);
    }
}
