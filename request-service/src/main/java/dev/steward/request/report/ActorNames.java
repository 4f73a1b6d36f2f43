package dev.steward.request.report;

import java.util.Locale;

/**
 * Names the people and processes in a report by what they are to the reader — "you", "a privacy
 * officer", "acme's administrator", "an automated process" — never by their account identifiers
 * (token subjects, often UUIDs), which mean nothing to the reader and identify staff. The role comes
 * from the item (an access record's role, a consent's source); without one, only "you" can be told.
 */
final class ActorNames {

    static final String PROVIDER_ORG = "steward";

    private final String subjectOrg;
    private final String subjectId;

    ActorNames(String subjectOrg, String subjectId) {
        this.subjectOrg = subjectOrg == null ? "" : subjectOrg;
        this.subjectId = subjectId == null ? "" : subjectId;
    }

    /** Keys whose values name a person or a process: {@code actor}, {@code by}, {@code attestedBy}, {@code terminatedByName}… */
    static boolean isActorKey(String key) {
        return key.equals("actor") || key.equals("by") || key.equals("who") || key.endsWith("By") || key.endsWith("ByName");
    }

    /** {@code actor} as words, from its role or source when known ({@code role} may be null). */
    String name(String actor, String role) {
        if (actor != null && !actor.isEmpty() && actor.equals(subjectId)) {
            return "you";
        }
        String r = role == null ? "" : role.toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (r) {
            case "customer", "preference-page", "portal" -> actor == null ? "you" : "a customer";
            case "privacy-officer", "officer" -> "a privacy officer";
            case "client-admin", "client" -> administrator();
            case "legal" -> "our legal team";
            case "auditor" -> "an auditor";
            case "service", "request", "system", "retention" -> "an automated process";
            case "gpc" -> "your browser (Global Privacy Control)";
            default -> "someone whose role was not recorded";
        };
    }

    /** "acme's administrator" for an end user's record, "an administrator" for the provider's own. */
    String administrator() {
        return subjectOrg.isEmpty() || subjectOrg.equals(PROVIDER_ORG) ? "an administrator" : subjectOrg + "'s administrator";
    }

    String subjectOrg() {
        return subjectOrg;
    }
}
