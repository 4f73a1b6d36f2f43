package dev.steward.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds, sub-processors, the transparency report and its CSV, the ledger page: what legal and auditors see and do. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ServicesStub.class)
class LegalPagesTest {

    @TestHTTPResource("/")
    URL home;

    final UUID hold = UUID.randomUUID();

    @BeforeEach
    void services() {
        ServicesStub.server.resetAll();
        ServicesStub.server.stubFor(get(urlPathMatching("/disclosure/disclosure(s|-proposals)")).willReturn(Stubs.json(Stubs.page(List.of()))));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/holds")).willReturn(Stubs.json(Stubs.page(List.of("""
                {"id": "%s", "scope": "SUBJECT", "org": "acme", "subject": {"org": "acme", "kind": "END_USER", "id": "acme-1001"},
                 "reason": "FRAUD_INVESTIGATION", "description": "chargeback ring", "placedBy": "lena",
                 "placedAt": "2026-11-20T09:00:00Z", "active": true}""".formatted(hold))))));
    }

    @Test
    void legalPlacesAHoldOnASubjectAndReleasesOneWithAReason() throws Exception {
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/holds")).willReturn(Stubs.json("{}").withStatus(201)));
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/holds/" + hold + "/release")).willReturn(Stubs.json("{}")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = browser.get(new URL(home, "/holds"));
            assertTrue(page.asNormalizedText().contains("acme/END_USER/acme-1001"));
            HtmlForm place = page.getForms().stream().filter(f -> f.getActionAttribute().equals("/holds")
                    && "post".equalsIgnoreCase(f.getMethodAttribute())).findFirst().orElseThrow();
            page.getElementById("p-org").setAttribute("value", "globex");
            page.getElementById("p-id").setAttribute("value", "globex-2001");
            ((HtmlSelect) page.getElementById("p-reason")).setSelectedAttribute("LITIGATION", true);
            page.getElementById("p-desc").setTextContent("case 2026-CV-118");
            place.getOneHtmlElementByAttribute("button", "type", "submit").click();
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/holds"))
                    .withRequestBody(matchingJsonPath("$.subject.id", equalTo("globex-2001")))
                    .withRequestBody(matchingJsonPath("$.reason", equalTo("LITIGATION"))));

            page = browser.get(new URL(home, "/holds"));
            HtmlForm release = RequestPageTest.form(page, "release");
            page.getElementById("rel-" + hold).setAttribute("value", "investigation closed");
            release.getOneHtmlElementByAttribute("button", "type", "submit").click();
            ServicesStub.server.verify(postRequestedFor(urlEqualTo("/disclosure/holds/" + hold + "/release"))
                    .withRequestBody(matchingJsonPath("$.reason", equalTo("investigation closed"))));
        }
    }

    @Test
    void anAuditorReadsHoldsButGetsNoFormsAndCannotPostOne() throws Exception {
        try (Browser browser = Browser.signedIn(home, "audrey", Set.of("auditor"))) {
            HtmlPage page = browser.get(new URL(home, "/holds"));
            assertEquals(200, page.getWebResponse().getStatusCode());
            assertTrue(page.getForms().stream().noneMatch(f -> "post".equalsIgnoreCase(f.getMethodAttribute())),
                    "no place or release forms for an auditor");
            HtmlPage newDisclosure = browser.get(new URL(home, "/disclosures/new"));
            assertEquals(403, newDisclosure.getWebResponse().getStatusCode());
        }
    }

    @Test
    void theTransparencyReportShowsThePeriodsTableAndItsCsvDownloads() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/reports/transparency")).withQueryParam("format", equalTo("csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv; charset=UTF-8")
                        .withHeader("Content-Disposition", "attachment; filename=\"transparency-2026-01-01-2026-06-30.csv\"")
                        .withBody("period,recipientType,legalBasis,outcome,count\r\n2026-H1,LAW_ENFORCEMENT,SUBPOENA,REJECTED,3\r\n")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/reports/transparency")).atPriority(10).willReturn(Stubs.json("""
                {"from": "2026-01-01", "to": "2026-06-30", "banded": false, "generatedAt": "2026-12-01T00:00:00Z",
                 "rows": [{"period": "2026-H1", "recipientType": "LAW_ENFORCEMENT", "legalBasis": "SUBPOENA",
                           "outcome": "REJECTED", "count": 3}]}""")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = browser.get(new URL(home, "/transparency?from=2026-01-01&to=2026-06-30"));
            assertTrue(page.querySelector("tbody").asNormalizedText().contains("2026-H1\tLAW_ENFORCEMENT\tSUBPOENA\tREJECTED\t3"));
            Page csv = browser.fetch(new URL(home, "/transparency/csv?from=2026-01-01&to=2026-06-30"));
            assertEquals(200, csv.getWebResponse().getStatusCode());
            assertTrue(csv.getWebResponse().getContentAsString().startsWith("period,recipientType"));
            assertTrue(csv.getWebResponse().getResponseHeaderValue("Content-Disposition").contains("transparency-2026-01-01"));
        }
    }

    @Test
    void theLedgerPageNamesTheFirstBrokenEntryAndShowsTheKeyAndEntries() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/ledger/verify")).willReturn(Stubs.json("""
                {"valid": false, "from": 1, "to": 9, "checked": 9, "firstBroken": 7, "problem": "hash does not match its content",
                 "size": 9, "headHash": "ff00"}""")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/ledger/checkpoints/latest")).willReturn(
                Stubs.problem(404, "Not found", "A checkpoint not found", "id", "none")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/ledger/public-key")).willReturn(Stubs.json("""
                {"algorithm": "Ed25519", "keyId": "k1", "publicKey": "AAA", "pem": "-----BEGIN PUBLIC KEY-----", "ephemeral": false}""")));
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/ledger/entries")).willReturn(Stubs.json(Stubs.page(List.of("""
                {"seq": 1, "type": "DISCLOSURE", "ref": "%s", "contentDigest": "c1", "recordedAt": "2026-11-01T00:00:00Z",
                 "prevHash": "00", "hash": "aa11"}""".formatted(UUID.randomUUID())), "MQ"))));
        try (Browser browser = Browser.signedIn(home, "audrey", Set.of("auditor"))) {
            HtmlPage before = browser.get(new URL(home, "/ledger"));
            assertNull(before.getElementById("verification"), "verification runs when asked");
            assertTrue(before.asNormalizedText().contains("No checkpoint has been signed yet."));
            assertTrue(before.getForms().stream().noneMatch(f -> f.getActionAttribute().equals("/ledger/checkpoints")),
                    "an auditor reads the ledger; signing a checkpoint is for legal and privacy officers");
            HtmlPage page = browser.get(new URL(home, "/ledger?verify=1"));
            assertTrue(page.getElementById("verification").asNormalizedText().contains("#7: hash does not match its content"));
            assertTrue(page.asNormalizedText().contains("aa11"));
            assertTrue(page.getAnchorByHref("/ledger?cursor=MQ") != null);
        }
    }

    @Test
    void aSubProcessorTheServiceRefusesShowsTheReasonBesideTheCountry() throws Exception {
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/subprocessors")).willReturn(Stubs.json(Stubs.page(List.of("""
                {"id": "%s", "name": "Zendesk", "purpose": "support", "dataCategories": ["user.contact.email"], "country": "US",
                 "agreementInForce": true, "agreementSince": "2024-01-01", "createdBy": "lena"}""".formatted(UUID.randomUUID()))))));
        ServicesStub.server.stubFor(post(urlEqualTo("/disclosure/subprocessors")).willReturn(Stubs.problem(400,
                "Invalid request", "country is not valid", "country", "must be an ISO 3166-1 alpha-2 country code")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage page = browser.get(new URL(home, "/subprocessors"));
            assertTrue(page.asNormalizedText().contains("Zendesk"));
            page.getElementById("sp-name").setAttribute("value", "BluePay");
            page.getElementById("sp-country").setAttribute("value", "us");
            page.getElementById("sp-purpose").setAttribute("value", "payments");
            page.getElementById("sp-cats").setAttribute("value", "user.financial");
            HtmlForm form = page.getForms().stream().filter(f -> "post".equalsIgnoreCase(f.getMethodAttribute())).findFirst().orElseThrow();
            HtmlPage answer = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(400, answer.getWebResponse().getStatusCode());
            assertTrue(answer.asNormalizedText().contains("must be an ISO 3166-1 alpha-2 country code"));
            assertEquals("BluePay", answer.getElementById("sp-name").getAttribute("value"));
        }
    }

    @Test
    void legalEditsASubProcessorWithAFullReplacementAndSeesRefusalsBesideTheFields() throws Exception {
        UUID zendesk = UUID.randomUUID();
        String registered = """
                {"id": "%s", "name": "Zendesk", "purpose": "support", "dataCategories": ["user.contact.email", "user.name"],
                 "country": "US", "agreementInForce": true, "agreementSince": "2024-01-01", "createdBy": "lena"}""".formatted(zendesk);
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/subprocessors")).willReturn(Stubs.json(Stubs.page(List.of(registered)))));
        ServicesStub.server.stubFor(get(urlEqualTo("/disclosure/subprocessors/" + zendesk)).willReturn(Stubs.json(registered)));
        ServicesStub.server.stubFor(put(urlEqualTo("/disclosure/subprocessors/" + zendesk)).willReturn(Stubs.json(registered)));
        ServicesStub.server.stubFor(put(urlEqualTo("/disclosure/subprocessors/" + zendesk))
                .withRequestBody(matchingJsonPath("$.country", equalTo("Ireland"))).atPriority(1)
                .willReturn(Stubs.problem(400, "Invalid request", "country is not valid", "country",
                        "must be an ISO 3166-1 alpha-2 country code")));
        try (Browser browser = Browser.signedIn(home, "lena", Set.of("legal"))) {
            HtmlPage list = browser.get(new URL(home, "/subprocessors"));
            HtmlPage edit = ((org.htmlunit.html.HtmlAnchor) list.getElementById("edit-" + zendesk)).click();
            assertEquals("Edit sub-processor", edit.querySelector("h1").asNormalizedText());
            assertEquals("user.contact.email, user.name", edit.getElementById("sp-cats").getAttribute("value"), "prefilled");
            assertEquals("2024-01-01", edit.getElementById("sp-since").getAttribute("value"));

            edit.getElementById("sp-country").setAttribute("value", "Ireland");
            HtmlForm form = (HtmlForm) edit.getElementById("sp-edit");
            HtmlPage refused = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals(400, refused.getWebResponse().getStatusCode());
            assertEquals("true", refused.getElementById("sp-country").getAttribute("aria-invalid"));
            assertEquals("e-sp-country", refused.getElementById("sp-country").getAttribute("aria-describedby"));
            assertTrue(refused.getElementById("e-sp-country").asNormalizedText().contains("alpha-2"));
            assertEquals("Ireland", refused.getElementById("sp-country").getAttribute("value"), "as typed");

            refused.getElementById("sp-country").setAttribute("value", "IE");
            refused.getElementById("sp-purpose").setAttribute("value", "customer support e-mail");
            HtmlPage saved = ((HtmlForm) refused.getElementById("sp-edit")).getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertEquals("/subprocessors", saved.getUrl().getPath());
            ServicesStub.server.verify(putRequestedFor(urlEqualTo("/disclosure/subprocessors/" + zendesk))
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer ey.+"))
                    .withRequestBody(equalToJson("""
                            {"name": "Zendesk", "purpose": "customer support e-mail", "dataCategories": ["user.contact.email", "user.name"],
                             "country": "IE", "agreementInForce": true, "agreementSince": "2024-01-01"}""")));
        }
    }

    @Test
    void onlyLegalMayEditASubProcessor() throws Exception {
        UUID id = UUID.randomUUID();
        ServicesStub.server.stubFor(get(urlPathEqualTo("/disclosure/subprocessors")).willReturn(Stubs.json(Stubs.page(List.of("""
                {"id": "%s", "name": "Zendesk", "purpose": "support", "dataCategories": ["user.contact.email"], "country": "US",
                 "agreementInForce": false, "agreementSince": null, "createdBy": "lena"}""".formatted(id))))));
        try (Browser browser = Browser.signedIn(home, "audrey", Set.of("auditor"))) {
            assertNull(browser.get(new URL(home, "/subprocessors")).getElementById("edit-" + id), "no edit link");
            assertEquals(403, browser.get(new URL(home, "/subprocessors/" + id + "/edit")).getWebResponse().getStatusCode());
            ServicesStub.server.verify(0, putRequestedFor(urlPathEqualTo("/disclosure/subprocessors/" + id)));
        }
    }
}
