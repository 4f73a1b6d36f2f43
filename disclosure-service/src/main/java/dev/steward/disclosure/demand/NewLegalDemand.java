package dev.steward.disclosure.demand;

import dev.steward.disclosure.record.RecipientType;
import dev.steward.platform.subject.SubjectRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A legal demand as the legal team records it on receipt (POST /legal-demands). Who recorded it is
 * the caller's token; the authenticity check is the VERIFIED transition (who checked is that
 * caller), not a field here.
 */
public record NewLegalDemand(
        @NotNull Channel channel,
        @NotNull LocalDate receivedOn,
        @NotNull @Valid Agency agency,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country,
        @Size(max = 200) String jurisdiction,
        @Size(max = 200) String caseNumber,
        @NotNull ProcessType processType,
        @Size(max = 500) String statute,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid SubjectRef> identifiers,
        @NotNull @Size(max = 50) List<@NotBlank @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*",
                message = "must be a dotted data category such as user.contact.email") String> dataCategories,
        @Valid DateRange dateRange,
        @NotNull LocalDate responseDueOn,
        boolean emergency,
        @Size(max = 2000) String emergencyJustification,
        @Valid NonDisclosureOrder nonDisclosureOrder,
        @Valid Notice notice,
        UUID followsDemand,
        @Size(max = 4000) String description) {

    /** The requesting agency and officer; a demand comes from law enforcement or a regulator. */
    public record Agency(@NotNull RecipientType type, @NotBlank @Size(max = 300) String name,
                         @Size(max = 300) String officer, @Size(max = 1000) String contact) {

        @AssertTrue(message = "must be LAW_ENFORCEMENT or REGULATOR")
        boolean isType() {
            return type == null || type.needsFourEyes();
        }
    }

    /** The period of data the demand asks for (both ends inclusive, either may be open). */
    public record DateRange(LocalDate from, LocalDate to) {

        @AssertTrue(message = "from must not be after to")
        boolean isFrom() {
            return from == null || to == null || !from.isAfter(to);
        }
    }

    /**
     * A non-disclosure (gag) order: the authority that issued it, and either the date it lapses
     * ({@code until}) or, when it has no end, the date it is to be reviewed ({@code indefinite} with
     * {@code reviewOn}).
     */
    public record NonDisclosureOrder(@NotBlank @Size(max = 500) String authority, LocalDate until,
                                     boolean indefinite, LocalDate reviewOn) {

        @AssertTrue(message = "give either until (a date) or indefinite=true with reviewOn")
        boolean isUntil() {
            return indefinite ? until == null && reviewOn != null : until != null;
        }
    }

    /**
     * Who is told (SCC Clause 15): the Client org whose end users are named (a signed callback once
     * no order forbids it) and the subject (through their accounting of disclosures). Both by default.
     */
    public record Notice(boolean client, boolean subject) {
    }

    public Notice noticeOrDefault() {
        return notice == null ? new Notice(true, true) : notice;
    }

    @AssertTrue(message = "is required (a justification) when the demand is an emergency, and an emergency request is one")
    boolean isEmergencyJustification() {
        boolean urgent = emergency || processType == ProcessType.EMERGENCY_REQUEST;
        return !urgent || (emergencyJustification != null && !emergencyJustification.isBlank());
    }

    @AssertTrue(message = "must be true for an EMERGENCY_REQUEST")
    boolean isEmergency() {
        return processType != ProcessType.EMERGENCY_REQUEST || emergency;
    }

    @AssertTrue(message = "must not be before receivedOn")
    boolean isResponseDueOn() {
        return receivedOn == null || responseDueOn == null || !responseDueOn.isBefore(receivedOn);
    }
}
