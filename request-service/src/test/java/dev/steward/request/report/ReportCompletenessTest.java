package dev.steward.request.report;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every section and every field that the peers send reaches the report, in JSON and on the HTML
 * page, including sections and fields the report's code has never heard of (account-service's
 * export grows: policy acceptances, a category, purpose, source and retention per item, who looked
 * summarised as who, how many times, first and last).
 */
@QuarkusTest
class ReportCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of everything, with sections and fields no code here names. */
    static final String EXPORT = """
            {"subject":{"org":"steward","kind":"ACCOUNT","id":"every-1"},
             "exportedAt":"2026-03-01T10:00:00Z","restricted":true,"accountStatus":"ACTIVE",
             "fields":[{"name":"fullName","value":"Eve <Everything>","type":"STRING","category":"IDENTIFIER","sensitive":false,
                        "source":"sign-up form","purpose":"running the account","retention":"account lifetime + 7 years",
                        "collectedAt":"2026-01-01T00:00:00Z"}],
             "accessLogs":[{"ip":"203.0.113.9","at":"2026-02-01T09:00:00Z","durationMs":12,"userAgent":"Firefox","path":"/me",
                            "category":"NETWORK_LOG","purpose":"security","source":"ingress","retention":"90 days (§8a)"}],
             "consents":[{"purpose":"MARKETING","granted":false,"at":"2026-01-02T00:00:00Z","actor":"every-1","source":"portal",
                          "category":"CONSENT","retention":"while the account exists"}],
             "accessRecords":[{"who":"support-7","role":"privacy-officer","times":41,"first":"2026-01-05T00:00:00Z",
                               "last":"2026-02-27T00:00:00Z","fields":["email","phone"],"category":"AUDIT","purpose":"support ticket"}],
             "policyAcceptances":[{"version":"2026-01","acceptedAt":"2026-01-01T00:00:01Z","textSha256":"9f2c…",
                                   "category":"POLICY","purpose":"agreement to the privacy policy","source":"sign-up",
                                   "retention":"account lifetime + 7 years"}]}
            """;

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void everySectionAndFieldOfThePeersAnswersIsInTheReportAndOnThePage() throws Exception {
        account.stubFor(get(urlPathEqualTo(Contract.customer("every-1") + "/export")).willReturn(okJson(EXPORT)));
        disclosure.stubFor(get(urlPathEqualTo(Contract.customer("every-1") + "/accounting")).willReturn(okJson(Contract.ACCOUNTING)));
        String token = Tokens.customer("every-1");
        String id = Api.submitted(token, Map.of("type", "ACCESS"));
        JsonPath done = Api.awaitStatus(token, id, "COMPLETED");
        assertEquals(1, done.getInt("outcome.report.personalData.policyAcceptances"), "a new section is counted");

        JsonNode report = JSON.readTree(given().auth().oauth2(token).when().get("/requests/" + id + "/report")
                .then().statusCode(200).extract().asString());
        String page = given().auth().oauth2(token).queryParam("format", "html").when().get("/requests/" + id + "/report")
                .then().statusCode(200).extract().asString();

        JsonNode export = JSON.readTree(EXPORT);
        JsonNode accounting = JSON.readTree(Contract.ACCOUNTING);
        ActorNames actors = new ActorNames("steward", "every-1");
        for (Iterator<Map.Entry<String, JsonNode>> it = export.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> part = it.next();
            if (part.getKey().equals("subject")) {
                continue;
            }
            assertEquals(part.getValue(), report.path("personalData").path(part.getKey()), part.getKey() + " in the JSON report");
            assertShown(page, Reports.PERSONAL_DATA, part.getKey(), part.getValue(), actors);
        }
        assertEquals(accounting.path("entries"), report.path("disclosures").path("entries"));
        assertEquals(accounting.path("summaries"), report.path("disclosures").path("summaries"));
        assertShown(page, Reports.DISCLOSURES, "entries", accounting.path("entries"), actors);
        assertShown(page, Reports.DISCLOSURES, "summaries", accounting.path("summaries"), actors);

        assertTrue(page.contains("<td>Full name<br>"), "a field without a description is named from its key");
        assertTrue(page.contains(">Your acceptances of our privacy policy</h2>"), "a section with a layout");
        assertTrue(page.contains("Text sha256: 9f2c…"), "a key no layout names is still shown");
        assertTrue(page.contains("<dt>Account status</dt><dd>active</dd>"), "a fact the report's code did not know");
        assertTrue(page.contains("<li>A privacy officer looked at your email and phone 41 times, between 5 January 2026, 00:00 UTC "
                + "and 27 February 2026, 00:00 UTC"), "who looked, summarised per reader, as a sentence");
        assertFalse(page.contains("support-7"), "a reader is named by role, not by id");
        assertFalse(page.contains("Eve <Everything>"), "values are escaped");
        assertTrue(page.contains("Processing of your data is restricted at your request"));
    }

    /** Keys a layout deliberately shows another way (in words, by role, or not at all: {@code type} is technical). */
    private static final java.util.Set<String> SHOWN_OTHERWISE = java.util.Set.of("fields.type", "fields.name", "fields.sensitive", "consents.granted",
            "consents.actor", "accessRecords.who", "accessRecords.role", "accessRecords.times", "accessRecords.first",
            "accessRecords.last", "accessRecords.fields", "summaries.count", "summaries.firstDate", "summaries.lastDate",
            "entries.recipientType", "accessLogs.at");

    /** Every value of a section (or a fact) appears on the page in words, escaped, under the section's heading. */
    private static void assertShown(String page, String part, String name, JsonNode value, ActorNames actors) {
        if (!value.isArray()) {
            assertTrue(page.contains("<dd>" + escape(PlainWords.value(name, value, actors)) + "</dd>"), "fact " + name);
            return;
        }
        String title = SectionLayouts.of(part, name, java.util.List.of()).title();
        assertTrue(page.contains(">" + escape(title) + "</h2>"), "section " + name);
        for (JsonNode item : value) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (SHOWN_OTHERWISE.contains(name + "." + field.getKey())) {
                    continue;
                }
                String shown = escape(PlainWords.value(field.getKey(), field.getValue(), actors));
                assertTrue(page.contains(shown), name + "." + field.getKey() + " = " + field.getValue() + " shown as " + shown);
            }
        }
    }

    /** As Qute escapes HTML. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
