package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal demands (issue 15): the queue, intake, one demand with only its valid moves, the second approver, notices due. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class DemandPagesTest {

    @TestHTTPResource("/")
    URL home;

    final UUID emergency = UUID.randomUUID();
    final UUID subpoena = UUID.randomUUID();
    final UUID produced = UUID.randomUUID();

    static String demand(UUID id, String status, boolean emergency, String processType, long daysLeft, List<String> allowed) {
        return """
                {"id": "%s", "status": "%s", "emergency": %b, "emergencyJustification": %s, "channel": "EMAIL",
                 "receivedOn": "2026-11-20", "recordedAt": "2026-11-20T09:00:00Z", "recordedBy": "lena",
                 "agency": {"type": "LAW_ENFORCEMENT", "name": "Metro Police", "officer": "Det. Ray", "contact": null},
                 "country": "US", "jurisdiction": "CA", "caseNumber": "2026-CR-17", "processType": "%s", "statute": null,
                 "identifiers": [{"org": "steward", "kind": "ACCOUNT", "id": "a-1"}], "dataCategories": ["user.contact.email"],
                 "dateRange": null, "responseDueOn": "2026-12-10", "deadline": {"overdue": %b, "dueSoon": %b, "daysLeft": %d},
                 "nonDisclosureOrder": null, "nonDisclosureActive": false, "notice": {"client": true, "subject": true},
                 "followsDemand": null, "description": null, "accountsSpecified": 1, "accountsAffected": 0, "contested": false,
                 "scopeReviewed": false, "approvedBy": null, "preservation": null, "allowedTransitions": [%s], "disclosures": [],
                 "events": [{"id": "%s", "step": 1, "action": "RECEIVED", "from": null, "to": "RECEIVED", "actor": "lena",
                             "at": "2026-11-20T09:00:00Z", "reason": null, "reasonCode": null, "details": {"x": 1},
                             "disclosureId": null, "accountsAffected": null, "ledgerSeq": 41},
                            {"id": "%s", "step": 2, "action": "TRANSITION", "from": "RECEIVED", "to": "VERIFIED", "actor": "lena",
                             "at": "2026-11-21T09:00:00Z", "reason": null, "reasonCode": null, "details": null,
                             "disclosureId": null, "accountsAffected": null, "ledgerSeq": 42}]}"""
                .formatted(id, status, emergency, emergency ? "\"threat to life\"" : "null", processType, daysLeft < 0,
                        daysLeft >= 0 && daysLeft <= 3, daysLeft,
                        String.join(",", allowed.stream().map(s -> "\"" + s + "\"").toList()), UUID.randomUUID(), UUID.randomUUID());
    }

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/legal-demands")).willReturn(Stubs.json(Stubs.page(List.of(
                demand(emergency, "RECEIVED", true, "EMERGENCY_REQUEST", 1, List.of("VERIFIED", "REJECTED")),
                demand(subpoena, "IN_REVIEW", false, "SUBPOENA", -2, List.of("NARROWED", "APPROVED_FOR_PRODUCTION")),
                demand(produced, "PRODUCED_FULL", false, "COURT_ORDER", 9, List.of())), "Mg"))));
        ServicesStub.server.stubFor(get(urlEqualTo("/disclosure/legal-demands/" + subpoena)).willReturn(Stubs.json(
                demand(subpoena, "IN_REVIEW", false, "SUBPOENA", -2,
                        List.of("NARROWED", "CHALLENGED", "APPROVED_FOR_PRODUCTION", "REJECTED", "NO_DATA")))));
    }

    @Test
    void theQueueShowsEmergenciesOnTopWithDaysLeftAndPassesTheFilters() throws Exception {
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = browser.get(new URL(home, "/demands?view=overdue&processType=SUBPOENA"));
            ServicesStub.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/disclosure/legal-demands"))
                    .withQueryParam("view", equalTo("overdue")).withQueryParam("processType", equalTo("SUBPOENA"))
                    .withHeader("Authorization", matching("Bearer ey.+")));
            List<String> rows = page.querySelectorAll("#demands-table tbody tr").stream().map(r -> r.asNormalizedText()).toList();
            assertTrue(rows.get(0).startsWith("Emergency") && rows.get(0).contains("1 day left"), rows.get(0));
            assertTrue(rows.get(1).contains("2 days overdue"), rows.get(1));
            assertTrue(page.querySelectorAll("#demand-" + produced + " .badge").isEmpty(), "an answered demand counts no days: " + rows.get(2));
            assertEquals("badge urgent", ((org.htmlunit.html.DomElement) page.querySelector("#demand-" + subpoena + " td:last-child .badge")).getAttribute("class"));
            assertNotNull(page.getAnchorByHref("/demands?cursor=Mg&processType=SUBPOENA&view=overdue"));
            assertNotNull(page.getElementById("record-demand"));
        }
    }

    @Test
    void theDetailShowsTheTimelineAndOnlyTheMovesTheStatusAllowsAndTheServiceRefusesTheRecordersApproval() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/legal-demands/" + subpoena + "/transitions"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("APPROVED_FOR_PRODUCTION")))
                .willReturn(Stubs.problem(409, "Second approver required", "lena recorded this demand: another legal user must approve it",
                        "to", "needs a second legal user")));
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/legal-demands/" + subpoena + "/transitions"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("REJECTED")))
                .willReturn(Stubs.json(demand(subpoena, "REJECTED", false, "SUBPOENA", -2, List.of()))));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = browser.get(new URL(home, "/demands/" + subpoena));
            assertEquals(List.of("RECEIVED (ledger #41)", "RECEIVED → VERIFIED (ledger #42)"),
                    page.querySelectorAll("#timeline li").stream().map(li -> {
                        String t = li.asNormalizedText();
                        return t.substring(0, t.indexOf(" ·")) + t.substring(t.lastIndexOf(" ("));
                    }).toList());
            A11y.basics(page);
            assertNotNull(page.getElementById("move-NARROWED"));
            assertNotNull(page.getElementById("move-APPROVED_FOR_PRODUCTION"));
            assertNull(page.getElementById("move-VERIFIED"), "not allowed from IN_REVIEW");
            assertNull(page.getElementById("move-PRODUCED_FULL"), "production only after approval");
            assertTrue(page.getElementById("second-approver").asNormalizedText().contains("You recorded it"));

            HtmlPage refused = ((HtmlForm) page.getElementById("move-APPROVED_FOR_PRODUCTION"))
                    .getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(409, refused.getWebResponse().getStatusCode());
            assertTrue(refused.getElementById("move-problem").asNormalizedText().contains("another legal user must approve"));

            HtmlPage again = browser.get(new URL(home, "/demands/" + subpoena));
            ((HtmlSelect) again.getElementById("REJECTED-code")).setSelectedAttribute("OVERBROAD", true);
            again.getElementById("REJECTED-reason").setTextContent("asks for every account");
            HtmlPage done = ((HtmlForm) again.getElementById("move-REJECTED")).getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals("/demands/" + subpoena, done.getUrl().getPath());
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/legal-demands/" + subpoena + "/transitions"))
                    .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                    .withRequestBody(equalToJson("{\"to\": \"REJECTED\", \"reason\": \"asks for every account\", \"reasonCode\": \"OVERBROAD\"}")));
        }
    }

    @Test
    void theIntakeFormSendsTheDemandAndShowsTheServicesErrorsBesideTheFields() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/legal-demands")).willReturn(Stubs.problem(400, "Invalid request",
                "emergencyJustification is required", "emergencyJustification", "is required (a justification) when the demand is an emergency")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage form = browser.get(new URL(home, "/demands/new"));
            A11y.basics(form);
            ((HtmlSelect) form.getElementById("channel")).setSelectedAttribute("EMAIL", true);
            form.getElementById("receivedOn").setAttribute("value", "2026-12-01");
            ((HtmlSelect) form.getElementById("processType")).setSelectedAttribute("EMERGENCY_REQUEST", true);
            form.getElementById("responseDueOn").setAttribute("value", "2026-12-02");
            ((HtmlSelect) form.getElementById("agencyType")).setSelectedAttribute("LAW_ENFORCEMENT", true);
            form.getElementById("agencyName").setAttribute("value", "Metro Police");
            form.getElementById("country").setAttribute("value", "US");
            form.getElementById("identifiers").setTextContent("steward/ACCOUNT/a-1\nacme/END_USER/u-9");
            form.getElementById("dataCategories").setAttribute("value", "user.contact.email, user.location");
            ((org.htmlunit.html.HtmlCheckBoxInput) form.getElementById("emergency")).setChecked(true);
            HtmlPage refused = form.getElementById("record-demand-submit").click();
            assertEquals(400, refused.getWebResponse().getStatusCode());
            assertEquals("true", refused.getElementById("emergencyJustification").getAttribute("aria-invalid"));
            assertTrue(refused.getElementById("e-emergencyJustification").asNormalizedText().contains("when the demand is an emergency"));
            assertEquals("Metro Police", refused.getElementById("agencyName").getAttribute("value"), "as typed");
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/legal-demands"))
                    .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                    .withRequestBody(equalToJson("""
                            {"channel": "EMAIL", "receivedOn": "2026-12-01", "agency": {"type": "LAW_ENFORCEMENT", "name": "Metro Police"},
                             "country": "US", "processType": "EMERGENCY_REQUEST",
                             "identifiers": [{"org": "steward", "kind": "ACCOUNT", "id": "a-1"}, {"org": "acme", "kind": "END_USER", "id": "u-9"}],
                             "dataCategories": ["user.contact.email", "user.location"], "responseDueOn": "2026-12-02",
                             "emergency": true, "notice": {"client": true, "subject": true}}""")));
        }
    }

    @Test
    void anAuditorReadsDemandsAndNoticesButGetsNoMovesAndCannotPostOne() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/legal-notices")).withQueryParam("view", equalTo("due"))
                .willReturn(Stubs.json("""
                        {"view": "due", "items": [{"demandId": "%s", "org": "acme", "emergency": false, "dueOn": "2026-12-05",
                          "overdue": false, "attempts": 2, "lastStatus": 503, "lastError": "unavailable", "deliveredAt": null}]}""".formatted(subpoena))));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/legal-notices")).withQueryParam("view", equalTo("overdue"))
                .willReturn(Stubs.json("{\"view\": \"overdue\", \"items\": []}")));
        try (Browser browser = Browser.signedIn(home, "audrey", Set.of("auditor"))) {
            HtmlPage page = browser.get(new URL(home, "/demands/" + subpoena));
            assertEquals(200, page.getWebResponse().getStatusCode());
            assertTrue(page.getForms().stream().noneMatch(f -> "post".equalsIgnoreCase(f.getMethodAttribute())), "no moves");
            assertEquals(403, browser.get(new URL(home, "/demands/new")).getWebResponse().getStatusCode());
            WebRequest forged = new WebRequest(new URL(home, "/demands/" + subpoena + "/transitions"), HttpMethod.POST);
            forged.setRequestParameters(List.of(new NameValuePair("to", "NO_DATA")));
            assertTrue(browser.client.getPage(forged).getWebResponse().getStatusCode() >= 400);
            ServicesStub.server.verify(0, postRequestedFor(urlPathEqualTo("/disclosure/legal-demands/" + subpoena + "/transitions")));

            HtmlPage notices = browser.get(new URL(home, "/demands/notices"));
            String due = notices.getElementById("notices-due").asNormalizedText();
            assertTrue(due.contains("acme") && due.contains("2026-12-05") && due.contains("HTTP 503"), due);
            assertTrue(notices.getElementById("notices-overdue").asNormalizedText().contains("None."));
        }
    }
}
