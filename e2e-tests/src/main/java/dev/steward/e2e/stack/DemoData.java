package dev.steward.e2e.stack;

import java.util.Map;

/**
 * Demo data loaded through the services' public APIs, as the demo users (real Keycloak tokens):
 * the two Client organisations of the demo realm.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void load(Stack stack) {
        Api api = new Api();
        Tokens tokens = stack.tokens();
        String account = stack.url("account-service");
        String officer = tokens.user("olivia");
        for (Map.Entry<String, String> org : Map.of("acme", "Acme Corporation", "globex", "Globex Inc.").entrySet()) {
            api.expectOk("POST", account + "/orgs", officer, Map.of("id", org.getKey(), "name", org.getValue()));
        }
        stack.progress().say("Demo data: organisations acme and globex (as olivia, privacy-officer)");
    }
}
