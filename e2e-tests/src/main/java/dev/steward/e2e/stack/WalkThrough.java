package dev.steward.e2e.stack;

/** What the run command prints once the stack is up: addresses, a token, one access request. */
final class WalkThrough {

    private WalkThrough() {
    }

    static String text(Stack stack) {
        String kc = stack.keycloak().url();
        String account = stack.url("account-service");
        String request = stack.url("request-service");
        String disclosure = stack.url("disclosure-service");
        String token = stack.keycloak().tokenEndpoint();
        return """

                ================================================================================
                Steward is running
                  account-service     %2$s   (OpenAPI %2$s/q/swagger-ui)
                  request-service     %3$s   (OpenAPI %3$s/q/swagger-ui)
                  disclosure-service  %4$s   (OpenAPI %4$s/q/swagger-ui)
                  Keycloak            %1$s   (admin console %1$s/admin, admin/admin; realm steward)
                  PostgreSQL          %6$s
                  logs                %7$s

                Demo users (password "demo"): alice, bob (customer), acme-admin (client-admin, org acme),
                  globex-admin (client-admin, org globex), olivia (privacy-officer), lena (legal),
                  audrey (auditor).

                A token (portal client, password grant: dev realm only):
                  TOKEN=$(curl -s -d grant_type=password -d client_id=portal -d username=olivia -d password=demo \\
                    %5$s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')

                Walk-through:
                  curl -s -H "Authorization: Bearer $TOKEN" %2$s/orgs/acme
                ================================================================================
                """.formatted(kc, account, request, disclosure, token, stack.database().describe(),
                stack.service("account-service").log().getParent());
    }
}
