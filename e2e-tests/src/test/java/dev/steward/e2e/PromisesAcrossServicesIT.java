package dev.steward.e2e;

import static dev.steward.e2e.Calls.approvedByLeo;
import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static dev.steward.e2e.Calls.json;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.e2e.stack.Stack;
import dev.steward.e2e.stack.Tokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 across the real services: a payment-card number is refused by every service and stored by
 * none (§2, §4: card data stays with the processor), and a customer's access report names every kind
 * of data held about them, each item with what it is, its category, purpose, source and retention
 * (§8 "reasonable access").
 */
@ExtendWith(StackExtension.class)
class PromisesAcrossServicesIT {

    private static final String CARD = "4111 1111 1111 1111";

    @Test
    void aCardNumberIsRefusedByEveryServiceAndStoredByNone(Stack stack) {
        String bob = stack.tokens().user("bob");
        String sub = Tokens.claims(bob).path("sub").asText();
        String legal = stack.tokens().user("lena");

        as(bob).body(body(Map.of("type", "COMPLAINT", "description", "you charged my card " + CARD + " twice")))
                .post(stack.url("request-service") + "/requests").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("description"));
        as(legal).body(body(Map.of("subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", sub),
                        "reason", "FRAUD_INVESTIGATION", "description", "card " + CARD + " used in a chargeback")))
                .post(stack.url("disclosure-service") + "/holds").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("description"));
        as(stack.tokens().user("acme-admin")).body(body(Map.of("records", List.of(Map.of("id", "e2e-card-" + UUID.randomUUID(),
                        "attributes", List.of(Map.of("name", "note", "type", "STRING", "value", "pays with " + CARD,
                                "category", "user.contact.address.city")),
                        "attestation", Map.of("attestedBy", "acme-admin", "attestedAt", "2026-01-10T08:00:00Z",
                                "basis", "consent collected at sign-up"))))))
                .post(stack.url("account-service") + "/orgs/acme/end-users").then().statusCode(422)
                .contentType("application/problem+json");

        // nothing of them was stored: no hold on bob, no complaint from him
        JsonNode holds = json(as(legal).queryParam("org", "steward").queryParam("kind", "ACCOUNT").queryParam("id", sub)
                .get(stack.url("disclosure-service") + "/holds").then().statusCode(200).extract().response());
        assertTrue(holds.path("items").isEmpty(), holds.toPrettyString());
        JsonNode requests = json(as(bob).get(stack.url("request-service") + "/requests").then().statusCode(200).extract().response());
        assertFalse(requests.toString().contains("4111"), requests.toPrettyString());
    }

    @Test
    void anAccessReportNamesEveryKindOfDataWithItsCategoryPurposeSourceAndRetention(Stack stack) {
        String account = stack.url("account-service");
        String bobToken = stack.tokens().user("bob");
        String officer = stack.tokens().user("olivia");
        String legal = stack.tokens().user("lena");
        String sub = Tokens.claims(bobToken).path("sub").asText();
        String version = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        // one of everything: account fields, a consent, an access log, an accepted policy version,
        // an officer who looked, a disclosure
        as(bobToken).body(body(Map.of("fullName", "Bob Baker", "email", "bob.e2e@example.test", "phone", "+1 555 0111",
                "billingAddress", "1 Elm Street, Springfield", "paymentToken", "tok_e2e_bob", "cardLast4", "4242",
                "ageConfirmed", true))).post(account + "/me").then().statusCode(201);
        as(bobToken).body(body(Map.of("purpose", "ANALYTICS_SHARING", "granted", false))).post(account + "/me/consents")
                .then().statusCode(201);
        Calls.accessLog(stack, "steward", "ACCOUNT", sub, "198.51.100.23", "/me");
        as(officer).body(body(Map.of("number", version, "effectiveDate", today, "summary", "clearer retention periods",
                "text", "Privacy Policy " + version))).post(account + "/policy-versions").then().statusCode(201);
        as(bobToken).post(account + "/policy-versions/" + version + "/acceptances").then().statusCode(201);
        as(officer).queryParam("email", "bob.e2e@example.test").get(account + "/accounts/lookup").then().statusCode(200);
        as(legal).body(body(approvedByLeo(stack, Map.of("recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "Springfield Police Department"),
                "legalBasis", "SUBPOENA", "caseReference", "SP-" + version, "receivedOn", today, "disclosedOn", today,
                "subjects", List.of(Map.of("org", "steward", "kind", "ACCOUNT", "id", sub)),
                "dataCategories", List.of("user.contact.email"), "purpose", "criminal investigation",
                "outcome", "NON_CONTENT_DISCLOSED")))).post(stack.url("disclosure-service") + "/disclosures")
                .then().statusCode(201);

        String id = as(officer).body(body(Map.of("type", "ACCESS", "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", sub),
                        "attestation", "asked by phone; identity checked against the account")))
                .post(stack.url("request-service") + "/requests").then().statusCode(201).extract().path("id");
        JsonNode done = Calls.awaitSettled(stack, officer, id);
        assertTrue(done.path("status").asText().equals("COMPLETED"), done.toPrettyString());
        JsonNode report = json(as(officer).get(stack.url("request-service") + "/requests/" + id + "/report")
                .then().statusCode(200).extract().response());

        JsonNode personal = report.path("personalData");
        assertTrue(personal.path("policyAcceptances").toString().contains(version), "policy acceptances: " + personal.toPrettyString());
        assertFalse(report.path("disclosures").path("entries").isEmpty(), report.toPrettyString());
        List<String> missing = new ArrayList<>();
        int items = 0;
        for (Iterator<Map.Entry<String, JsonNode>> sections = personal.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isArray()) {
                continue;
            }
            for (JsonNode item : section.getValue()) {
                items++;
                for (String fact : List.of("category", "purpose", "source", "retention")) {
                    if (item.path(fact).isMissingNode() || item.path(fact).isNull() || item.path(fact).asText().isBlank()) {
                        missing.add(section.getKey() + " item without " + fact + ": " + item);
                    }
                }
            }
        }
        assertTrue(items >= 6, "the report holds " + items + " items: " + personal.toPrettyString());
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
