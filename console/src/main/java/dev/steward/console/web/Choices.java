package dev.steward.console.web;

import dev.steward.console.legal.DemandForm;
import dev.steward.console.legal.DisclosureForm;
import dev.steward.console.legal.HoldsResource;
import dev.steward.console.legal.TransitionForm;
import dev.steward.console.peer.SubjectRef;
import dev.steward.console.requests.Lifecycle;
import dev.steward.console.requests.QueueFilter;
import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The fixed option lists the forms offer (the services' enums), available to every template. */
@TemplateGlobal
public final class Choices {

    static final List<String> statuses = Lifecycle.STATUSES;
    static final List<String> types = Lifecycle.TYPES;
    static final List<String> jurisdictions = Lifecycle.JURISDICTIONS;
    static final List<String> denialReasons = Lifecycle.DENIAL_REASONS;
    static final List<String> recipientTypes = DisclosureForm.RECIPIENT_TYPES;
    static final List<String> legalBases = DisclosureForm.LEGAL_BASES;
    static final List<String> outcomes = DisclosureForm.OUTCOMES;
    static final List<String> holdReasons = HoldsResource.REASONS;
    static final List<String> subjectKinds = SubjectRef.KINDS;
    static final List<QueueFilter.SortOption> sorts = QueueFilter.SORTS;
    static final List<String> channels = DemandForm.CHANNELS;
    static final List<String> processTypes = DemandForm.PROCESS_TYPES;
    static final List<String> agencyTypes = DemandForm.AGENCY_TYPES;
    static final List<String> rejectionReasons = TransitionForm.REJECTION_REASONS;
    static final List<String> demandStatuses = List.of("RECEIVED", "VERIFIED", "IN_REVIEW", "NARROWED", "CHALLENGED",
            "APPROVED_FOR_PRODUCTION", "PRODUCED_FULL", "PRODUCED_PARTIAL", "REJECTED", "NO_DATA");

    private Choices() {
    }
}
