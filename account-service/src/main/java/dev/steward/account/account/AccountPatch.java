package dev.steward.account.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer's change to their own account: only the fields sent are changed. */
public record AccountPatch(
        @Size(min = 1, max = 200) String fullName,
        @Email @Size(min = 3, max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "must be a phone number") String phone,
        @Size(max = 500) String billingAddress,
        @Size(max = 200) String paymentToken,
        @Pattern(regexp = "[0-9]{4}", message = "must be exactly four digits") String cardLast4) {

    /** The email as it is kept (trimmed, domain case-folded) before it is validated or stored. */
    public AccountPatch {
        email = Emails.normalise(email);
    }
}
