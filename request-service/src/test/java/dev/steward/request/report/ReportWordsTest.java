package dev.steward.request.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The report's words: readable dates and periods, codes in lower case, people and processes named by role. */
class ReportWordsTest {

    private final ActorNames acme = new ActorNames("acme", "user-7");
    private final ActorNames provider = new ActorNames("steward", "c0ffee00-0000-4000-8000-000000000001");

    @Test
    void datesAndPeriodsReadAsWords() {
        assertEquals("2 December 2026, 14:05 UTC", PlainWords.when("2026-12-02T14:05:59.123456Z"));
        assertEquals("1 February 2026, 09:00:05 UTC", PlainWords.whenPrecise("2026-02-01T09:00:05.5Z"));
        assertEquals("10 February 2026", PlainWords.day("2026-02-10"));
        assertEquals("2 December 2026, 13:05 UTC", PlainWords.text("2026-12-02T14:05:00+01:00"));
        assertEquals("7 years", PlainWords.period("P7Y"));
        assertEquals("1 year, 6 months and 1 day", PlainWords.period("P1Y6M1D"));
        assertEquals("not a date", PlainWords.text("not a date"));
        assertEquals("law enforcement", PlainWords.code("LAW_ENFORCEMENT"));
        assertEquals("a subpoena", PlainWords.code("SUBPOENA"));
        assertEquals("City Police", PlainWords.code("City Police"));
        assertEquals("User agent", PlainWords.label("userAgent"));
        assertEquals("email, phone and address", PlainWords.and(java.util.List.of("email", "phone", "address")));
        assertEquals("41 times", PlainWords.times(41));
        assertEquals("twice", PlainWords.times(2));
    }

    @Test
    void valuesOfAnyShapeReadAsWords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("yes", PlainWords.value("restricted", json.readTree("true"), acme));
        assertEquals("12 ms", PlainWords.value("durationMs", json.readTree("12"), acme));
        assertEquals("active", PlainWords.value("status", json.readTree("\"ACTIVE\""), acme), "a code in words");
        assertEquals("NASA_TEAM", PlainWords.value("value", json.readTree("\"NASA_TEAM\""), acme), "a person's own value as it is");
        assertEquals("Erased: account fields, consents; At: 3 March 2026, 10:00 UTC",
                PlainWords.value("receipt", json.readTree("{\"erased\":[\"account fields\",\"consents\"],\"at\":\"2026-03-03T10:00:00Z\"}"), acme));
        assertEquals("someone whose role was not recorded",
                PlainWords.value("writtenBy", json.readTree("\"5f0c7a52-1111-4a6e-9d5e-3b1f2d3c4e5f\""), acme), "an id is never shown");
    }

    @Test
    void actorsAreNamedByRoleNeverById() {
        String uuid = "5f0c7a52-1111-4a6e-9d5e-3b1f2d3c4e5f";
        assertEquals("you", provider.name("c0ffee00-0000-4000-8000-000000000001", "CUSTOMER"));
        assertEquals("you", acme.name("user-7", null));
        assertEquals("a privacy officer", provider.name(uuid, "privacy-officer"));
        assertEquals("acme's administrator", acme.name(uuid, "client-admin"));
        assertEquals("acme's administrator", acme.name(uuid, "CLIENT_ADMIN"));
        assertEquals("an administrator", provider.name(uuid, "client-admin"));
        assertEquals("an automated process", acme.name("request-service", "service"));
        assertEquals("your browser (Global Privacy Control)", acme.name("visitor-1", "GPC"));
        assertEquals("someone whose role was not recorded", acme.name(uuid, null));
    }
}
