package dev.steward.account.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Customer sign-up (§2). Never a card number: the payment processor's token and the last four digits only. */
public record NewAccount(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone,
        @Size(max = 500) String billingAddress,
        @Size(max = 200) String paymentToken,
        @Pattern(regexp = "[0-9]{4}", message = "must be exactly four digits") String cardLast4,
        LocalDate birthDate,
        Boolean ageConfirmed) {

    /** The email as it is kept (trimmed, domain case-folded) before it is validated or stored. */
    public NewAccount {
        email = Emails.normalise(email);
    }
}
