package dev.steward.account.consent;

import java.time.Instant;
import java.util.List;

/**
 * A visitor's current choices, one per purpose in a fixed order: a purpose never chosen is
 * {@code granted: false} with no source or time (nothing is granted until chosen). {@code gpc}: whether
 * the last change of choices came with {@code Sec-GPC: 1}.
 */
public record VisitorConsent(String org, String visitorId, boolean gpc, List<Choice> choices) {

    public record Choice(Purpose purpose, boolean granted, String source, Instant at) {
    }
}
