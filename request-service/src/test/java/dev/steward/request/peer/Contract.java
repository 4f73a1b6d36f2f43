package dev.steward.request.peer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Stubs shaped exactly like the internal API contract of account-service and disclosure-service
 * (brief: "The internal API contract between services"), per subject.
 */
public final class Contract {

    private Contract() {
    }

    public static String subject(String org, String kind, String id) {
        return "/internal/subjects/" + org + "/" + kind + "/" + id;
    }

    public static String customer(String sub) {
        return subject("steward", "ACCOUNT", sub);
    }

    public static String exportJson(String org, String kind, String id) {
        return "{\"subject\":{\"org\":\"" + org + "\",\"kind\":\"" + kind + "\",\"id\":\"" + id + "\"},"
                + "\"exportedAt\":\"2026-03-01T10:00:00Z\",\"restricted\":false,"
                + "\"fields\":[{\"name\":\"fullName\",\"value\":\"Carol <Tester>\",\"category\":\"IDENTIFIER\","
                + "\"source\":\"sign-up\",\"purpose\":\"account\",\"retention\":\"P7Y\",\"collectedAt\":\"2026-01-01T00:00:00Z\"},"
                + "{\"name\":\"email\",\"value\":\"carol@example.com\",\"category\":\"CONTACT\",\"source\":\"sign-up\","
                + "\"purpose\":\"account\",\"retention\":\"P7Y\",\"collectedAt\":\"2026-01-01T00:00:00Z\"}],"
                + "\"accessLogs\":[{\"ip\":\"203.0.113.9\",\"at\":\"2026-02-01T09:00:00Z\",\"durationMs\":12,"
                + "\"userAgent\":\"Firefox\",\"path\":\"/me\"}],"
                + "\"consents\":[{\"purpose\":\"MARKETING\",\"granted\":false,\"at\":\"2026-01-02T00:00:00Z\","
                + "\"actor\":\"carol\",\"source\":\"portal\"}],"
                + "\"accessRecords\":[{\"actor\":\"support-1\",\"fields\":[\"email\"],\"at\":\"2026-02-02T00:00:00Z\"}]}";
    }

    public static final String ACCOUNTING = "{\"subject\":{},\"entries\":[{\"disclosedOn\":\"2026-02-10\","
            + "\"recipientType\":\"LAW_ENFORCEMENT\",\"recipient\":\"City Police\",\"legalBasis\":\"SUBPOENA\","
            + "\"categories\":[\"CONTACT\"],\"purpose\":\"investigation\"}],"
            + "\"summaries\":[{\"recipient\":\"City Police\",\"purpose\":\"investigation\",\"firstDate\":\"2026-02-10\","
            + "\"lastDate\":\"2026-02-10\",\"count\":1}]}";

    public static final String NO_HOLDS = "{\"held\":false,\"holds\":[]}";

    public static String hold(String id, String reason) {
        return "{\"held\":true,\"holds\":[{\"id\":\"" + id + "\",\"scope\":\"SUBJECT\",\"reason\":\"" + reason
                + "\",\"placedAt\":\"2026-02-01T00:00:00Z\"}]}";
    }

    public static String receipt(String requestId, String keptJson) {
        return "{\"requestId\":\"" + requestId + "\",\"erased\":[{\"what\":\"account fields\",\"count\":6},"
                + "{\"what\":\"consents\",\"count\":2}],\"kept\":" + keptJson + "}";
    }

    public static final String LOGS_KEPT = "[{\"what\":\"network access logs\",\"count\":14,\"exception\":\"8a\","
            + "\"reason\":\"network logs are kept for security (§8a)\"}]";

    /** ACCESS: export + accounting for one subject path. */
    public static void access(WireMockServer account, WireMockServer disclosure, String org, String kind, String id) {
        account.stubFor(get(urlPathEqualTo(subject(org, kind, id) + "/export"))
                .willReturn(okJson(exportJson(org, kind, id))));
        disclosure.stubFor(get(urlPathEqualTo(subject(org, kind, id) + "/accounting")).willReturn(okJson(ACCOUNTING)));
    }

    /** ACCESS for a subject account-service does not know (404); disclosure-service answers an empty accounting. */
    public static void unknownSubject(WireMockServer disclosure, String org, String kind, String id) {
        disclosure.stubFor(get(urlPathEqualTo(subject(org, kind, id) + "/accounting"))
                .willReturn(okJson("{\"entries\":[],\"summaries\":[]}")));
    }

    public static void noHolds(WireMockServer disclosure, String org, String kind, String id) {
        disclosure.stubFor(get(urlPathEqualTo("/internal/holds/active")).withQueryParam("org", equalTo(org))
                .withQueryParam("kind", equalTo(kind)).withQueryParam("id", equalTo(id))
                .willReturn(okJson(NO_HOLDS)));
    }

    public static void held(WireMockServer disclosure, String org, String kind, String id) {
        disclosure.stubFor(get(urlPathEqualTo("/internal/holds/active")).withQueryParam("org", equalTo(org))
                .withQueryParam("kind", equalTo(kind)).withQueryParam("id", equalTo(id))
                .willReturn(okJson(hold("h-1", "fraud investigation"))));
    }

    /** Erasure answers the receipt for whichever requestId it is given (idempotent per requestId). */
    public static void erasure(WireMockServer account, String path, String keptJson) {
        account.stubFor(post(urlPathEqualTo(path + "/erasure")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(receipt("{{jsonPath request.body '$.requestId'}}", keptJson))
                .withTransformers("response-template")));
    }

    public static void rectification(WireMockServer account, String path, String changedJson) {
        account.stubFor(post(urlPathEqualTo(path + "/rectification"))
                .withRequestBody(matchingJsonPath("$.requestId"))
                .willReturn(okJson("{\"changed\":" + changedJson + "}")));
    }

    public static void restriction(WireMockServer account, String path) {
        account.stubFor(post(urlPathEqualTo(path + "/restriction"))
                .withRequestBody(matchingJsonPath("$.restricted", equalTo("true")))
                .willReturn(okJson("{\"restricted\":true,\"consents\":{\"ANALYTICS_SHARING\":false,\"MARKETING\":false,"
                        + "\"THIRD_PARTY_SHARING\":false,\"MATERIALLY_DIFFERENT_PURPOSE\":false}}")));
    }

    public static void org(WireMockServer account, String org, String callbackUrl, String secret) {
        account.stubFor(get(urlPathEqualTo("/internal/orgs/" + org)).willReturn(okJson("{\"id\":\"" + org
                + "\",\"name\":\"" + org + "\",\"status\":\"ACTIVE\",\"callbackUrl\":\"" + callbackUrl
                + "\",\"callbackSecret\":\"" + secret + "\",\"sensitiveDataAcknowledged\":false,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\"}")));
    }
}
