package dev.steward.account.consent;

import dev.steward.platform.subject.SubjectRef;
import java.util.Map;

/** The effective state: true = allowed. A restricted subject allows nothing beyond the service itself. */
public record ConsentState(SubjectRef subject, boolean restricted, Map<Purpose, Boolean> purposes) {
}
