package dev.steward.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes a service from its own OpenAPI document ({@link OpenApiFuzz}): no request may get a 5xx
 * other than a 503 problem (a peer that is not running in this test is honestly unavailable), every
 * 4xx is problem+json, no answer carries a stack trace, and every status seen is one the operation's
 * OpenAPI entry declares (so the document says what the service really answers). 3,000 requests by default;
 * {@code -Dsteward.fuzz.requests=N} for more and {@code -Dsteward.fuzz.seed=S} for other ones. Run by
 * each service in its own database ({@link FuzzProfile}), so what it creates meets no other test.
 */
public abstract class OpenApiFuzzTest {

    /** The tokens requests are sent with (one picked at random per request). */
    protected List<String> tokens() {
        return List.of(Tokens.officer("fuzz-officer"), Tokens.legal("fuzz-legal"), Tokens.auditor("fuzz-auditor"),
                Tokens.customer("fuzz-customer"), Tokens.clientAdmin("fuzz-admin", "acme"), Tokens.service("fuzz-service"));
    }

    @Test
    void generatedRequestsGetNo5xxAndEveryErrorIsAProblem() {
        long seed = Long.getLong("steward.fuzz.seed", 20261202L);
        int count = Integer.getInteger("steward.fuzz.requests", 3000);
        OpenApiFuzz fuzz = new OpenApiFuzz(given().accept("application/json").get("/q/openapi?format=json").asString(),
                seed, tokens());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        java.util.Set<String> undocumented = new java.util.TreeSet<>();
        for (int i = 0; i < count; i++) {
            OpenApiFuzz.Request request = fuzz.next();
            RawHttp.Answer response = RawHttp.send(RestAssured.port, request.method().toUpperCase(), request.url(),
                    request.headers(), request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
            statuses.merge(response.status(), 1, Integer::sum);
            if (!fuzz.documents(request.operation(), response.status())) {
                undocumented.add(request.operation() + " answered " + response.status());
            }
            String why = judge(response);
            if (why != null && failures.size() < 25) {
                failures.add("#" + request.index() + " " + why + " <- " + request.curl() + "\n    answer: "
                        + abbreviate(response.body()));
            }
        }
        System.out.printf("fuzz: %d requests over %d operations (seed %d): statuses %s%n",
                count, fuzz.operationCount(), seed, statuses);
        assertTrue(undocumented.isEmpty(), "answers the OpenAPI document does not declare: " + undocumented);
        assertTrue(failures.isEmpty(), failures.size() + " fuzzed request(s) were mishandled (seed " + seed
                + "; replay with -Dsteward.fuzz.seed=" + seed + "):\n" + String.join("\n", failures));
    }

    /** Why an answer is wrong, or null. */
    private static String judge(RawHttp.Answer response) {
        int status = response.status();
        String type = response.contentType();
        String body = response.body();
        if (body.contains("\tat ") || body.contains("Exception:")) {
            return status + " carries a stack trace";
        }
        if (status >= 500 && !(status == 503 && type.startsWith("application/problem+json"))) {
            return "answered " + status;
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return status + " is not problem+json but '" + type + "'";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
