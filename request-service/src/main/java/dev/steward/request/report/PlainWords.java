package dev.steward.request.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the access report says things to a person: "2 December 2026, 14:05 UTC" instead of an ISO
 * timestamp, "yes" instead of {@code true}, "law enforcement" instead of {@code LAW_ENFORCEMENT},
 * "7 years" instead of {@code P7Y}. Any value of any section goes through {@link #value}, so a
 * section the report's code has never heard of reads the same way.
 */
final class PlainWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN_PRECISE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PERIOD = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{4,}");
    private static final Map<String, String> WORDS = Map.of(
            "SUBPOENA", "a subpoena",
            "COURT_ORDER", "a court order",
            "CONSENT", "your consent",
            "CONTRACT", "a contract with you",
            "LEGAL_OBLIGATION", "a legal obligation");

    /** Where data came from, as the export names it. */
    private static final Map<String, String> SOURCES = Map.of(
            "CUSTOMER", "you",
            "SERVICE", "our service, as you used it",
            "CLIENT", "the organisation whose service you use",
            "CLIENT_ADMIN", "that organisation's administrator",
            "REQUEST", "a request about your data",
            "PREFERENCE_PAGE", "you, on our preference page",
            "GPC", "your browser's Global Privacy Control signal");

    private PlainWords() {
    }

    /** "you" for CUSTOMER, "our service, as you used it" for SERVICE…; other sources as codes in words. */
    static String source(String text) {
        String known = text == null ? null : SOURCES.get(text);
        return known != null ? known : code(text);
    }

    /** "2 December 2026, 14:05 UTC" for an ISO instant, the text unchanged if it is not one. */
    static String when(String iso) {
        return instant(iso, WHEN);
    }

    /** As {@link #when}, to the second (network logs, where several fall in one minute). */
    static String whenPrecise(String iso) {
        return instant(iso, WHEN_PRECISE);
    }

    private static String instant(String iso, DateTimeFormatter format) {
        if (iso == null || !INSTANT.matcher(iso).matches()) {
            return day(iso);
        }
        try {
            return format.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(iso, Instant::from));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** "10 February 2026" for an ISO date. */
    static String day(String iso) {
        if (iso == null || !DATE.matcher(iso).matches()) {
            return iso == null ? "" : iso;
        }
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** "7 years" for P7Y, "90 days" for P90D; anything else unchanged. */
    static String period(String text) {
        Matcher m = text == null ? null : PERIOD.matcher(text);
        if (m == null || !m.matches() || text.equals("P")) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        String[] units = {"year", "month", "week", "day"};
        for (int i = 0; i < units.length; i++) {
            if (m.group(i + 1) != null) {
                int n = Integer.parseInt(m.group(i + 1));
                parts.add(n + " " + units[i] + (n == 1 ? "" : "s"));
            }
        }
        return and(parts);
    }

    /** "law enforcement" for LAW_ENFORCEMENT, "a subpoena" for SUBPOENA; ordinary text unchanged. */
    static String code(String text) {
        if (text == null) {
            return "";
        }
        String known = WORDS.get(text);
        if (known != null) {
            return known;
        }
        return CODE.matcher(text).matches() ? text.replace('_', ' ').toLowerCase(Locale.ROOT) : text;
    }

    /** "Accepted at" for acceptedAt, "User agent" for userAgent. */
    static String label(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "once", "twice", "41 times". */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : String.format(Locale.ENGLISH, "%,d times", n);
    }

    /** "1 entry", "100,000 entries". */
    static String count(long n, String one, String many) {
        return String.format(Locale.ENGLISH, "%,d %s", n, n == 1 ? one : many);
    }

    /**
     * Any value as words: dates readable, booleans "yes"/"no", codes in lower case, lists joined,
     * objects as "label: value; …"; the names of people and services in it by role ({@code actors}).
     */
    static String value(String key, JsonNode v, ActorNames actors) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (ActorNames.isActorKey(key) && v.isTextual()) {
            return actors.name(v.asText(), null);
        }
        if (key.equals("source") && v.isTextual()) {
            return source(v.asText());
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isNumber()) {
            return key.endsWith("Ms") ? v.asText() + " ms" : v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(value(key, x, actors)));
            return String.join(", ", items);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(f -> parts.add(label(f.getKey()) + ": " + value(f.getKey(), f.getValue(), actors)));
            return String.join("; ", parts);
        }
        // a person's own value is shown as it is (only dates are put in words): "NASA" is not a code
        return key.equals("value") ? readableDate(v.asText()) : text(v.asText());
    }

    private static String readableDate(String s) {
        return INSTANT.matcher(s).matches() || DATE.matcher(s).matches() ? when(s) : s;
    }

    /** A string value: a date, a period or a code in words, anything else as it is. */
    static String text(String s) {
        if (INSTANT.matcher(s).matches()) {
            return when(s);
        }
        if (DATE.matcher(s).matches()) {
            return day(s);
        }
        if (PERIOD.matcher(s).matches() && s.length() > 1) {
            return period(s);
        }
        return code(s);
    }
}
