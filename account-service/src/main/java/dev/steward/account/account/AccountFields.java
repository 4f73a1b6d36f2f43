package dev.steward.account.account;

import java.util.LinkedHashMap;
import java.util.Map;

/** The account's personal fields and their data categories (none of them sensitive, §10). */
public final class AccountFields {

    public static final String SOURCE = "CUSTOMER";
    public static final String PURPOSE = "account management, billing and support (§4)";

    public static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("fullName", "user.name");
        CATEGORIES.put("email", "user.contact.email");
        CATEGORIES.put("phone", "user.contact.phone_number");
        CATEGORIES.put("billingAddress", "user.contact.address.billing");
        CATEGORIES.put("paymentToken", "user.financial.payment_token");
        CATEGORIES.put("cardLast4", "user.financial.card_last4");
    }

    private AccountFields() {
    }
}
