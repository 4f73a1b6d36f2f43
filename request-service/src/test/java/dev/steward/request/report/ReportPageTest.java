package dev.steward.request.report;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML access report is a page for people (issue 14, item 5): plain-language sections, readable
 * dates, people named by role and never by id, who-looked as sentences, the rights at the end with the
 * Privacy Center's address, a print stylesheet, accessible markup, and hostile text escaped.
 */
@QuarkusTest
class ReportPageTest {

    private static final String SUBJECT = "page-1";
    private static final String OFFICER = "5f0c7a52-1111-4a6e-9d5e-3b1f2d3c4e5f";
    private static final String ADMIN = "9a8b7c6d-2222-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String SERVICE = "e0e0e0e0-3333-4bbb-8ccc-dddddddddddd";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final String EXPORT = """
            {"subject":{"org":"steward","kind":"ACCOUNT","id":"page-1"},
             "exportedAt":"2026-03-01T10:00:00Z","restricted":false,
             "fields":[{"what":"Email address (email)","name":"email","value":"pat@example.com","type":"STRING","category":"user.contact",
                        "sensitive":false,"source":"CUSTOMER","purpose":"to run your account","retention":"as long as the account exists",
                        "collectedAt":"2026-01-01T08:30:00Z"},
                       {"what":"Display name (displayName)","name":"displayName","value":"<script>alert('x')</script>\\"><img src=x onerror=alert(1)>",
                        "type":"STRING","category":"user.name","sensitive":false,"source":"CUSTOMER","purpose":"to address you",
                        "retention":"P7Y","collectedAt":"2026-01-01T08:31:00Z"}],
             "accessLogs":[{"what":"A network access log entry","category":"user.device","source":"SERVICE","purpose":"security",
                            "retention":"90 days","ip":"203.0.113.9","at":"2026-02-01T09:00:05.123456Z","durationMs":12,
                            "userAgent":"Firefox","path":"/me"}],
             "consents":[{"what":"A consent or opt-out choice","category":"user.privacy_preferences","retention":"while we hold your data",
                          "purpose":"MARKETING","recordPurpose":"to honour your choices","granted":false,"at":"2026-01-02T00:00:00Z",
                          "actor":"page-1","source":"CUSTOMER"},
                         {"what":"A consent or opt-out choice","category":"user.privacy_preferences","retention":"while we hold your data",
                          "purpose":"THIRD_PARTY_SHARING","recordPurpose":"to honour your choices","granted":true,"at":"2026-01-03T00:00:00Z",
                          "actor":"9a8b7c6d-2222-4e5f-8a9b-0c1d2e3f4a5b","source":"CLIENT_ADMIN"}],
             "accessRecords":[{"what":"Who read your data","category":"user.access_history","source":"SERVICE","purpose":"accountability",
                               "retention":"while we hold your data","actor":"5f0c7a52-1111-4a6e-9d5e-3b1f2d3c4e5f","role":"privacy-officer",
                               "fields":["email","phone"],"count":41,"firstAt":"2026-01-05T00:00:00Z","lastAt":"2026-02-27T16:45:00Z",
                               "at":"2026-02-27T16:45:00Z"},
                              {"what":"Who read your data","category":"user.access_history","source":"SERVICE","purpose":"accountability",
                               "retention":"while we hold your data","actor":"e0e0e0e0-3333-4bbb-8ccc-dddddddddddd","role":"service",
                               "fields":["email"],"count":1,"firstAt":"2026-03-01T10:00:00Z","lastAt":"2026-03-01T10:00:00Z",
                               "at":"2026-03-01T10:00:00Z"}]}
            """;

    private static final String ACCOUNTING = """
            {"subject":{},"entries":[{"disclosedOn":"2026-02-10","recipientType":"LAW_ENFORCEMENT","recipient":"City <b>Police</b>",
              "legalBasis":"SUBPOENA","categories":["user.contact"],"purpose":"investigation","disclosureId":"11111111-2222-4333-8444-555555555555",
              "ledgerIndex":7}],
             "summaries":[{"recipient":"City <b>Police</b>","purpose":"investigation","firstDate":"2026-02-10","lastDate":"2026-03-04","count":3}]}
            """;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void theReportIsAPageForPeople() throws Exception {
        account.stubFor(get(urlPathEqualTo(Contract.customer(SUBJECT) + "/export")).willReturn(okJson(EXPORT)));
        disclosure.stubFor(get(urlPathEqualTo(Contract.customer(SUBJECT) + "/accounting")).willReturn(okJson(ACCOUNTING)));
        String token = Tokens.customer(SUBJECT);
        String id = Api.submitted(token, Map.of("type", "ACCESS"));
        Api.awaitStatus(token, id, "COMPLETED");
        String page = given().auth().oauth2(token).queryParam("format", "html").when().get("/requests/" + id + "/report")
                .then().statusCode(200).contentType("text/html").extract().asString();
        Files.writeString(Path.of("target", "report-sample.html"), page); // to look at in a browser

        // plain-language sections, in the order a person reads them, the rights last
        List<String> headings = headings(page);
        List<String> expected = List.of("What we hold about you", "Your choices about how we use your data",
                "Records of your connections (network access logs)", "Who we gave your data to, and why", "Repeated disclosures",
                "Who looked at your data", "Your rights and how to use them");
        int at = -1;
        for (String h : expected) {
            int i = headings.indexOf(h);
            assertTrue(i > at, h + " in order among " + headings);
            at = i;
        }
        for (String column : List.of("Where it came from", "Why we keep it", "How long we keep it")) {
            assertTrue(page.contains("<th scope=\"col\">" + column + "</th>"), column);
        }
        assertTrue(page.contains("<td>as long as the account exists</td>"), "retention from the export's retention rules");
        assertTrue(page.contains("<td>7 years</td>"), "an ISO period in words");

        // readable dates, no ISO timestamps left
        assertTrue(page.contains("1 January 2026, 08:30 UTC"), "collected at");
        assertTrue(page.contains("1 February 2026, 09:00:05 UTC"), "a network log to the second");
        assertTrue(page.contains("<td>10 February 2026</td>"), "a disclosure's day");
        assertFalse(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}").matcher(page).find(), "no ISO timestamp on the page");

        // people by role, never by id; who looked as sentences
        for (String raw : List.of(OFFICER, ADMIN, SERVICE)) {
            assertFalse(page.contains(raw), "no actor id on the page: " + raw);
        }
        String looked = section(page, "personalData-accessRecords");
        assertFalse(UUID.matcher(looked).find(), "no UUID in who looked: " + looked);
        assertTrue(looked.contains("<li>A privacy officer looked at your email and phone 41 times, between 5 January 2026, 00:00 UTC and "
                + "27 February 2026, 16:45 UTC.</li>"), looked);
        assertTrue(looked.contains("<li>An automated process looked at your email once, on 1 March 2026, 10:00 UTC.</li>"), looked);
        String choices = section(page, "personalData-consents");
        assertFalse(UUID.matcher(choices).find(), "no UUID in the choices: " + choices);
        assertTrue(choices.contains("<td>marketing</td><td>refused</td><td>2 January 2026, 00:00 UTC</td><td>you</td></tr>"), choices);
        assertTrue(choices.contains("<td>an administrator<br>"), "a choice made by an administrator: " + choices);
        assertTrue(page.contains("<dt>Why we keep this record</dt><dd>to honour your choices</dd>"), "shared facts shown once");
        assertTrue(section(page, "disclosures-summaries").contains(
                "We gave your data to City &lt;b&gt;Police&lt;/b&gt; for investigation 3 times, between 10 February 2026 and 4 March 2026."));

        // the rights, with the Privacy Center's address (steward.reports.privacy-center-url)
        String rights = page.substring(page.indexOf("id=\"rights\""));
        for (String s : List.of("§8", "§6", "§13", "§14", "Custodian of Records", "privacy@influxis.com")) {
            assertTrue(rights.contains(s), s);
        }
        assertTrue(rights.contains("<a href=\"http://127.0.0.1:8094/privacy\">Privacy Center</a>"));

        // print stylesheet, accessibility basics
        assertTrue(page.contains("@media print"));
        assertTrue(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline';"), "no script runs on the page, whatever the data");
        assertTrue(page.contains("<html lang=\"en\">"));
        assertEquals(count(page, "<table>"), count(page, "<caption>"), "every table has a caption");
        assertFalse(page.contains("<th>"), "every heading cell has a scope");
        assertEquals(1, count(page, "<h1>"));

        // hostile text is escaped
        assertFalse(page.contains("<script>alert"), "script from data");
        assertFalse(page.contains("<img src=x"), "markup from data");
        assertFalse(page.contains("<b>Police"), "markup from a peer");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    private static List<String> headings(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<h2[^>]*>([^<]*)</h2>").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The HTML of one section, from its start to the next. */
    private static String section(String page, String anchor) {
        int start = page.indexOf("<section aria-labelledby=\"" + anchor + "\">");
        assertTrue(start >= 0, "section " + anchor);
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static int count(String page, String s) {
        int n = 0;
        for (int i = page.indexOf(s); i >= 0; i = page.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }
}
