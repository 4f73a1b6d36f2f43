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
                  Console             %8$s   (sign in as olivia, lena or audrey; password "demo")
                  account-service     %2$s   (Swagger UI %2$s/q/swagger-ui)
                  request-service     %3$s   (Swagger UI %3$s/q/swagger-ui)
                  disclosure-service  %4$s   (Swagger UI %4$s/q/swagger-ui)
                  Keycloak            %1$s   (admin console %1$s/admin, admin/admin; realm steward)
                  PostgreSQL          %6$s
                  Mail (SMTP)         %9$s   (every message the stack sends, e.g. verification codes)
                  logs                %7$s

                The console in a browser: %8$s
                  olivia (privacy officer): the request queue, request pages, compliance report
                  lena (legal): record disclosures, legal holds, sub-processors, transparency report
                  audrey (auditor): the ledger (verify, checkpoint, entries), reports
                  alice (customer): "My privacy", her own requests and consents
                  a client-admin (acme-admin) is told the console is not for them.
                The Privacy Center, for anyone without signing in: %8$s/privacy
                  ask for your data with any e-mail address, then read the code from the mailbox page
                  above (%9$s) and enter it; the status page link arrives in the same mail.

                Demo users (password "demo"): alice, bob, carol, dave (customer), acme-admin
                  (client-admin, org acme), globex-admin (client-admin, org globex), olivia
                  (privacy-officer), lena (legal), audrey (auditor).

                Walk-through: alice asks for the data Steward holds about her.
                1. A token for alice (portal client, password grant: dev realm only):
                   TOKEN=$(curl -s -d grant_type=password -d client_id=portal -d username=alice -d password=demo \\
                     %5$s | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                2. Her account as account-service holds it:
                   curl -s -H "Authorization: Bearer $TOKEN" %2$s/me
                3. The ACCESS request (request-service verifies it by her own token and starts it):
                   ID=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                     -H 'Idempotency-Key: demo-access-1' -d '{"type":"ACCESS"}' %3$s/requests \\
                     | sed -E 's/.*"id":"([^"]+)".*/\\1/'); echo $ID
                4. Follow it: RECEIVED -> VERIFIED -> IN_PROGRESS -> COMPLETED within seconds (steps EXPORT from
                   account-service, ACCOUNTING from disclosure-service, REPORT), each an event with actor and time:
                   curl -s -H "Authorization: Bearer $TOKEN" %3$s/requests/$ID
                5. The report: her fields with category, source, purpose and retention, her access logs,
                   consents and the accounting of disclosures (add ?format=html for a readable page):
                   curl -s -H "Authorization: Bearer $TOKEN" %3$s/requests/$ID/report
                6. Only she (and a privacy officer) can read it: with bob's token the same call answers 404.

                Ctrl-C stops everything.
                ================================================================================
                """.formatted(kc, account, request, disclosure, token, stack.database().describe(),
                stack.service("account-service").log().getParent(), stack.url(Stack.CONSOLE),
                stack.mailbox().pageUrl());
    }
}
