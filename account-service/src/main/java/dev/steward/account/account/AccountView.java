package dev.steward.account.account;

import java.time.Instant;

/** A customer's account as they see it. */
public record AccountView(String sub, String fullName, String email, String phone, String billingAddress,
                          String paymentToken, String cardLast4, String status, Instant createdAt) {
}
