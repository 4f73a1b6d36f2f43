package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each section of the access report is shown to a person: its heading, a sentence saying what
 * it is, and either a table whose columns say things in words or one sentence per item. Sections
 * the peers send that are not named here get a generic layout (a column per key, labelled from
 * it), so nothing they send is left off the page.
 */
final class SectionLayouts {

    /** The keys that describe a kind of record rather than one record; shown once, above its table. */
    static final Map<String, String> DESCRIBING = describing();

    private SectionLayouts() {
    }

    private static Map<String, String> describing() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("what", "What this is");
        m.put("category", "Kind of data");
        m.put("source", "Where it came from");
        m.put("purpose", "Why we keep it");
        m.put("recordPurpose", "Why we keep this record");
        m.put("retention", "How long we keep it");
        return m;
    }

    /** What one column shows of an item. */
    interface Format {
        String apply(JsonNode item, ActorNames actors);
    }

    /** A column: its heading, the item keys it shows (and so consumes), the text of its cell and an optional note under it. */
    record Column(String header, List<String> uses, Format text, Format note) {
    }

    /** One item as a sentence (sections that summarise). */
    interface Sentence {
        String apply(JsonNode item, ActorNames actors);
    }

    /**
     * A section's layout: {@code rank} orders it on the page; {@code sentence} non-null makes it a
     * list of sentences instead of a table.
     */
    record Layout(int rank, String title, String intro, String none, List<Column> columns, Sentence sentence) {

        Set<String> used() {
            Set<String> used = new java.util.HashSet<>();
            columns.forEach(c -> used.addAll(c.uses()));
            return used;
        }
    }

    private static final Map<String, Layout> PERSONAL = Map.of(
            "fields", new Layout(10, "What we hold about you",
                    "Each piece of information we hold about you, where it came from, why we keep it and how long we keep it "
                            + "(our retention rules, policy §7 and §8).",
                    "We hold no information of this kind about you.", List.of(
                    new Column("Information", List.of("what", "name", "category", "type"),
                            (i, a) -> i.hasNonNull("what") ? i.path("what").asText() : PlainWords.label(i.path("name").asText()),
                            (i, a) -> i.hasNonNull("category") ? "kind of data: " + PlainWords.code(i.path("category").asText()) : ""),
                    new Column("Value", List.of("value", "sensitive"), (i, a) -> i.path("value").asText(""),
                            (i, a) -> i.path("sensitive").asBoolean() ? "sensitive" : ""),
                    text("Where it came from", "source"),
                    text("Why we keep it", "purpose"),
                    text("How long we keep it", "retention"),
                    when("Collected", "collectedAt")), null),
            "account", new Layout(20, "Your account", "Your account with us and its status.", "You have no account with us.",
                    List.of(text("Status", "status"), when("Opened", "createdAt"),
                            new Column("Closed", List.of("termination"), SectionLayouts::termination, none())), null),
            "consents", new Layout(30, "Your choices about how we use your data",
                    "Every choice made about your data — consents and opt-outs — oldest first; the latest choice for each "
                            + "purpose is the one in force.",
                    "No choices have been recorded.", List.of(
                    text("About", "purpose"),
                    new Column("Choice", List.of("granted"), (i, a) -> i.path("granted").asBoolean() ? "allowed" : "refused", none()),
                    when("When", "at"),
                    new Column("Made by", List.of("actor", "source"),
                            (i, a) -> a.name(i.path("actor").asText(null), i.path("source").asText(null)),
                            SectionLayouts::madeThrough)), null),
            "policyAcceptances", new Layout(40, "Your acceptances of our privacy policy",
                    "Which versions of the privacy policy you accepted, and when (§16).", "No acceptance is recorded.", List.of(
                    text("Version", "version"), when("Accepted", "acceptedAt"), when("In force from", "effectiveDate"),
                    new Column("Fingerprint of the text", List.of("sha256"), (i, a) -> i.path("sha256").asText(""), none())), null),
            "consentAttestations", new Layout(50, "Your consent to your provider storing your data with us",
                    "The statement of the organisation you use that you agreed to it storing your data with us (§2).",
                    "No attestation is recorded.", List.of(
                    actor("Stated by", "attestedBy", "client-admin"), when("When", "attestedAt"), text("Basis", "basis"),
                    text("Sensitive data flagged", "flaggedSensitive"), actor("Record written by", "writtenBy", "client-admin"),
                    when("Written", "writtenAt")), null),
            "restrictions", new Layout(60, "Restriction of processing",
                    "Whether you asked us to stop sharing your data with third parties and using it for other purposes (§6).",
                    "You have not asked us to restrict processing.", List.of(
                    text("Restricted", "restricted"), when("Since", "at")), null),
            "erasureReceipts", new Layout(70, "Erasures we carried out",
                    "Each erasure of your data: what was erased, and what was kept and why (§8).", "No erasure has been carried out.",
                    List.of(when("When", "at"), text("What was erased and what was kept", "receipt")), null),
            "accessLogs", new Layout(80, "Records of your connections (network access logs)",
                    "Each time you reached our service: from which address, when, which page and with which browser. "
                            + "These records are kept even when the rest of your data is erased (§8(a)).",
                    "We hold no records of your connections.", List.of(
                    text("IP address", "ip"), new Column("When", List.of("at"),
                            (i, a) -> PlainWords.whenPrecise(i.path("at").asText(null)), none()),
                    text("Page", "path"), text("Browser", "userAgent"), text("Time taken", "durationMs")), null),
            "accessRecords", new Layout(200, "Who looked at your data",
                    "Everyone other than you who read your data, with how often and when. Each person or process is "
                            + "named by their role; repeated reads by the same reader are counted together.",
                    "Nobody other than you has looked at your data.", List.of(), SectionLayouts::whoLooked));

    private static final Map<String, Layout> DISCLOSED = Map.of(
            "entries", new Layout(100, "Who we gave your data to, and why",
                    "Each organisation we gave your data to, why we were allowed or obliged to, and which data (§5). "
                            + "Each one is recorded in a tamper-evident ledger that an auditor can check.",
                    "We have not given your data to anyone.", List.of(
                    when("When", "disclosedOn"),
                    new Column("Given to", List.of("recipient", "recipientType"), (i, a) -> i.path("recipient").asText(""),
                            (i, a) -> PlainWords.code(i.path("recipientType").asText(""))),
                    text("Because of", "legalBasis"), text("For", "purpose"), text("Which data", "categories"),
                    new Column("Record", List.of("ledgerIndex", "disclosureId"),
                            (i, a) -> i.hasNonNull("ledgerIndex") ? "ledger entry " + i.path("ledgerIndex").asText() : "",
                            (i, a) -> i.hasNonNull("disclosureId") ? "reference " + i.path("disclosureId").asText() : "")), null),
            "summaries", new Layout(110, "Repeated disclosures",
                    "Where we gave your data to the same recipient for the same purpose more than once, the first is listed "
                            + "above and the repeats are counted here.",
                    "No disclosure was repeated.", List.of(), (i, a) -> "We gave your data to " + i.path("recipient").asText("")
                            + (i.hasNonNull("purpose") ? " for " + i.path("purpose").asText() : "") + " "
                            + PlainWords.times(i.path("count").asLong(1)) + between(i, "firstDate", "lastDate") + "."));

    /** The layout of a section: a known one, or one made from its keys. */
    static Layout of(String part, String name, List<String> keys) {
        Layout known = (Reports.DISCLOSURES.equals(part) ? DISCLOSED : PERSONAL).get(name);
        if (known != null) {
            return known;
        }
        List<Column> columns = new ArrayList<>();
        for (String key : keys) {
            if (!DESCRIBING.containsKey(key)) {
                columns.add(text(PlainWords.label(key), key));
            }
        }
        if (columns.isEmpty()) {
            columns.add(new Column("Details", List.of(), (i, a) -> i.isObject() ? "" : PlainWords.value("value", i, a), none()));
        }
        return new Layout(Reports.DISCLOSURES.equals(part) ? 150 : 90, PlainWords.label(name),
                "Other information of this kind that we hold about you.", "None.", columns, null);
    }

    private static Column text(String header, String key) {
        return new Column(header, List.of(key), (i, a) -> PlainWords.value(key, i.path(key), a), none());
    }

    private static Column when(String header, String key) {
        return new Column(header, List.of(key), (i, a) -> PlainWords.text(i.path(key).asText("")), none());
    }

    private static Column actor(String header, String key, String role) {
        return new Column(header, List.of(key), (i, a) -> i.hasNonNull(key) ? a.name(i.path(key).asText(), role) : "", none());
    }

    private static Format none() {
        return (i, a) -> "";
    }

    /** Where a choice was made, unless that is who made it ("you" through "you"). */
    private static String madeThrough(JsonNode item, ActorNames actors) {
        if (!item.hasNonNull("source")) {
            return "";
        }
        String where = PlainWords.source(item.path("source").asText());
        return where.equals(actors.name(item.path("actor").asText(null), item.path("source").asText())) ? "" : "source: " + where;
    }

    /** "on 3 March 2026 by a privacy officer: <reason>" (only privacy officers terminate accounts). */
    private static String termination(JsonNode item, ActorNames actors) {
        JsonNode t = item.path("termination");
        if (!t.isObject()) {
            return "";
        }
        return "on " + PlainWords.when(t.path("at").asText(null)) + " by " + actors.name(t.path("by").asText(null), "privacy-officer")
                + (t.hasNonNull("reason") ? ": " + t.path("reason").asText() : "");
    }

    /** "A privacy officer looked at your email and phone 41 times, between 5 January 2026 and 27 February 2026." */
    private static String whoLooked(JsonNode item, ActorNames actors) {
        String who = actors.name(item.path("actor").asText(item.path("who").asText(null)), item.path("role").asText(null));
        List<String> fields = new ArrayList<>();
        item.path("fields").forEach(f -> fields.add(PlainWords.label(f.asText()).toLowerCase(java.util.Locale.ROOT)));
        long count = item.path("count").asLong(item.path("times").asLong(1));
        String span = item.hasNonNull("firstAt") || item.hasNonNull("first")
                ? (count == 1 ? ", on " + PlainWords.when(first(item)) : between(item, item.has("firstAt") ? "firstAt" : "first",
                        item.has("lastAt") ? "lastAt" : "last"))
                : item.hasNonNull("at") ? (count == 1 ? ", on " : ", last on ") + PlainWords.when(item.path("at").asText()) : "";
        return Character.toUpperCase(who.charAt(0)) + who.substring(1) + " looked at "
                + (fields.isEmpty() ? "your data" : "your " + PlainWords.and(fields)) + " " + PlainWords.times(count) + span + ".";
    }

    private static String first(JsonNode item) {
        return item.hasNonNull("firstAt") ? item.path("firstAt").asText() : item.path("first").asText();
    }

    private static String between(JsonNode item, String from, String to) {
        String a = PlainWords.text(item.path(from).asText(""));
        String b = PlainWords.text(item.path(to).asText(""));
        if (a.isEmpty()) {
            return "";
        }
        return a.equals(b) || b.isEmpty() ? ", on " + a : ", between " + a + " and " + b;
    }

    /** Which keys the sentence of a sentence section says (the rest are added after it). */
    static Set<String> sentenceKeys(String name) {
        return name.equals("accessRecords")
                ? Set.of("actor", "who", "role", "fields", "count", "times", "firstAt", "lastAt", "first", "last", "at")
                : Set.of("recipient", "purpose", "count", "firstDate", "lastDate");
    }
}
