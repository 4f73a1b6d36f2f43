package dev.steward.account.policy;

import java.time.Instant;
import java.time.LocalDate;

/** A published version of the privacy policy (§16). */
public record PolicyVersion(String number, LocalDate effectiveDate, String summary, String url, String sha256,
                            String publishedBy, Instant publishedAt) {
}
