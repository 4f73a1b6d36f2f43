package dev.steward.e2e.stack;

import java.util.List;
import java.util.Map;

/**
 * Demo data, loaded through the services' public APIs with real tokens of the demo users (and, for
 * the network access logs, a service token as the services' gateway would send them): the Client
 * organisations acme and globex with a few end users each, and the customer alice with an account,
 * a consent choice and access log entries. The end-to-end tests use other users (carol, dave) and
 * their own end users, so they do not depend on this data.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void load(Stack stack) {
        Api api = new Api();
        Tokens tokens = stack.tokens();
        String account = stack.url("account-service");

        String officer = tokens.user("olivia");
        api.expectOk("POST", account + "/orgs", officer, Map.of("id", "acme", "name", "Acme Corporation"));
        api.expectOk("POST", account + "/orgs", officer, Map.of("id", "globex", "name", "Globex Inc."));
        stack.progress().say("Demo data: organisations acme and globex (as olivia, privacy-officer)");

        endUsers(api, account, tokens.user("acme-admin"), "acme", List.of(
                endUser("acme-1001", "erin@acme.example", "Springfield", "acme-admin"),
                endUser("acme-1002", "frank@acme.example", "Capital City", "acme-admin")));
        endUsers(api, account, tokens.user("globex-admin"), "globex", List.of(
                endUser("globex-2001", "gil@globex.example", "Shelbyville", "globex-admin")));
        stack.progress().say("Demo data: end users acme-1001, acme-1002 (acme) and globex-2001 (globex), by their client-admins");

        String alice = tokens.user("alice");
        String aliceSub = Tokens.claims(alice).path("sub").asText();
        api.expectOk("POST", account + "/me", alice, Map.of("fullName", "Alice Archer", "email", "alice@example.test",
                "phone", "+1 555 0100", "billingAddress", "1 Main Street, Springfield", "paymentToken", "tok_demo_alice",
                "cardLast4", "4242", "ageConfirmed", true));
        api.expectOk("POST", account + "/me/consents", alice, Map.of("purpose", "MARKETING", "granted", false));
        api.expectOk("POST", account + "/internal/access-logs", tokens.service("request-service"), Map.of("entries", List.of(
                Map.of("subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", aliceSub), "ip", "203.0.113.7",
                        "at", "2026-01-05T09:12:00Z", "durationMs", 84, "userAgent", "Mozilla/5.0", "path", "/me"),
                Map.of("subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", aliceSub), "ip", "203.0.113.7",
                        "at", "2026-01-05T09:13:10Z", "durationMs", 31, "userAgent", "Mozilla/5.0", "path", "/me/consents"))));
        stack.progress().say("Demo data: customer alice signed up, opted out of marketing, 2 access log entries");
    }

    private static Map<String, Object> endUser(String id, String email, String city, String admin) {
        return Map.of("id", id,
                "attributes", List.of(
                        Map.of("name", "email", "type", "STRING", "value", email, "category", "user.contact.email",
                                "purpose", "customer support"),
                        Map.of("name", "city", "type", "STRING", "value", city, "category", "user.contact.address.city")),
                "attestation", Map.of("attestedBy", admin, "attestedAt", "2026-01-02T08:00:00Z",
                        "basis", "consent collected at the end user's sign-up"));
    }

    private static void endUsers(Api api, String account, String token, String org, List<Map<String, Object>> records) {
        api.expectOk("POST", account + "/orgs/" + org + "/end-users", token, Map.of("records", records));
    }
}
