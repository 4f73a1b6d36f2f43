package dev.steward.disclosure.record;

import dev.steward.platform.subject.SubjectRef;
import jakarta.persistence.Embeddable;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A disclosure as legal records it. Never edited: {@code corrects} names the entry a correction
 * replaces. To law enforcement or a regulator it needs four eyes: {@code approval}, given by a
 * second legal user through POST /disclosure-approvals for exactly this disclosure (or, unless
 * steward.disclosure.require-signed-approval, a typed {@code approver} other than the caller).
 */
public record NewDisclosure(
        @NotNull @Valid Recipient recipient,
        @NotNull LegalBasis legalBasis,
        @Size(max = 200) String caseReference,
        @NotNull LocalDate receivedOn,
        LocalDate disclosedOn,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid SubjectRef> subjects,
        @NotNull @Size(max = 50) List<@NotBlank @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*",
                message = "must be a dotted data category such as user.contact.email") String> dataCategories,
        @NotBlank @Size(max = 2000) String purpose,
        @NotNull Outcome outcome,
        @Size(min = 1, max = 200) String approver,
        UUID approval,
        @Size(max = 50) List<@NotNull @Valid Attachment> attachments,
        @Valid NonDisclosureOrder nonDisclosureOrder,
        UUID corrects,
        @Size(max = 2000) String correctionNote) {

    /** The same disclosure naming an approval (what a proposal becomes once a second person approved it). */
    public NewDisclosure withApproval(UUID id) {
        return new NewDisclosure(recipient, legalBasis, caseReference, receivedOn, disclosedOn, subjects, dataCategories,
                purpose, outcome, approver, id, attachments, nonDisclosureOrder, corrects, correctionNote);
    }

    public record Recipient(@NotNull RecipientType type, @NotBlank @Size(max = 300) String name,
                            @Size(max = 1000) String contact) {
    }

    /** A document kept elsewhere (the subpoena, the response), referenced by its SHA-256; stored as it is. */
    @Embeddable
    public record Attachment(@NotBlank @Size(max = 300) String name,
                             @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
                             @JdbcTypeCode(SqlTypes.CHAR) String sha256,
                             @Size(max = 200) String mediaType) {
    }

    /** A gag order: until a date, or indefinite with a date to review it. */
    public record NonDisclosureOrder(LocalDate until, boolean indefinite, LocalDate reviewOn) {
    }

    @AssertTrue(message = "give either until (a date) or indefinite=true with reviewOn")
    boolean isNonDisclosureOrder() {
        NonDisclosureOrder n = nonDisclosureOrder;
        return n == null || (n.indefinite() ? n.until() == null && n.reviewOn() != null
                : n.until() != null && n.reviewOn() == null);
    }

    @AssertTrue(message = "is required when data was disclosed, and must be empty otherwise")
    boolean isDisclosedOn() {
        return outcome == null || outcome.disclosed() == (disclosedOn != null);
    }

    @AssertTrue(message = "name at least one data category when data was disclosed")
    boolean isDataCategories() {
        return outcome == null || dataCategories == null || !outcome.disclosed() || !dataCategories.isEmpty();
    }

    @AssertTrue(message = "is required with corrects (why the earlier entry was wrong), and only then")
    boolean isCorrectionNote() {
        return (corrects == null) == (correctionNote == null || correctionNote.isBlank());
    }
}
