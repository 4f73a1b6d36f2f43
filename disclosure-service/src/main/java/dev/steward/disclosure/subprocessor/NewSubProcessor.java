package dev.steward.disclosure.subprocessor;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the legal team records about a sub-processor. */
public record NewSubProcessor(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 1000) String purpose,
        @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = "[a-z_]+(\\.[a-z_]+)*",
                message = "must be a dotted data category such as user.contact.email") String> dataCategories,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country,
        @NotNull Boolean agreementInForce,
        @PastOrPresent LocalDate agreementSince) {

    @AssertTrue(message = "agreementSince is required when, and only when, an agreement is in force")
    boolean isAgreementSince() {
        return agreementInForce == null || agreementInForce == (agreementSince != null);
    }

    SubProcessor register(String actor) {
        SubProcessor sp = new SubProcessor();
        sp.id = UUID.randomUUID();
        sp.createdBy = actor;
        applyTo(sp);
        return sp;
    }

    /** Replaces every field the legal team keeps (a full replacement, as PUT means). */
    void applyTo(SubProcessor sp) {
        sp.name = name;
        sp.purpose = purpose;
        sp.dataCategories = List.copyOf(dataCategories);
        sp.country = country;
        sp.agreementInForce = agreementInForce;
        sp.agreementSince = agreementSince;
    }
}
