package dev.steward.request.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.PackagedApp;
import dev.steward.request.peer.Contract;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An ACCESS report of 100,000 items, built, stored and served (JSON and HTML) by the packaged
 * application on a 64 MB heap (issue 12, item 6). Held in memory at once, the export alone (a
 * ~17 MB answer, its tree, its stored copy) does not fit in that heap.
 */
class LargeReportIT {

    private static final int ITEMS = 100_000;
    private static final String HEAP = "-Xmx64m";

    @Test
    void aReportOf100000ItemsIsBuiltAndServedOnASmallHeap() throws Exception {
        WireMockServer account = new WireMockServer(wireMockConfig().dynamicPort());
        WireMockServer disclosure = new WireMockServer(wireMockConfig().dynamicPort());
        account.start();
        disclosure.start();
        String subject = "large-report";
        account.stubFor(get(urlPathEqualTo(Contract.customer(subject) + "/export")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(export(subject))));
        disclosure.stubFor(get(urlPathEqualTo(Contract.customer(subject) + "/accounting")).willReturn(okJson(Contract.ACCOUNTING)));
        try (PackagedApp app = new PackagedApp("large-report-it", account.baseUrl(), disclosure.baseUrl())) {
            app.start(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"), Map.of());
            String officer = Tokens.officer("olivia");
            String id = given().port(app.port()).auth().oauth2(officer).contentType(ContentType.JSON)
                    .body(Map.of("type", "ACCESS", "attestation", "identity checked against a signed letter",
                            "subject", Map.of("org", "steward", "kind", "ACCOUNT", "id", subject)))
                    .when().post("/requests").then().statusCode(201).extract().path("id");
            long started = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED".equals(
                    given().port(app.port()).auth().oauth2(officer).when().get("/requests/" + id).then().statusCode(200)
                            .extract().path("status")));
            long built = System.nanoTime();

            InputStream json = given().port(app.port()).auth().oauth2(officer).when().get("/requests/" + id + "/report")
                    .then().statusCode(200).extract().asInputStream();
            assertEquals(ITEMS, countAccessLogs(json));
            long servedJson = System.nanoTime();

            InputStream html = given().port(app.port()).auth().oauth2(officer).queryParam("format", "html")
                    .when().get("/requests/" + id + "/report").then().statusCode(200).extract().asInputStream();
            long rows = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(html, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("<tr><td>198.51.100.")) {
                        rows++;
                    }
                }
            }
            assertEquals(ITEMS, rows);
            long servedHtml = System.nanoTime();

            assertTrue(app.alive(), "the application survived");
            assertFalse(app.log().contains("OutOfMemoryError"));
            System.out.printf("LargeReportIT: %d items on %s: built in %.1f s, JSON served in %.1f s, HTML in %.1f s%n",
                    ITEMS, HEAP, (built - started) / 1e9, (servedJson - built) / 1e9, (servedHtml - servedJson) / 1e9);
        } finally {
            account.stop();
            disclosure.stop();
        }
    }

    /** An export whose access logs hold {@link #ITEMS} entries. */
    private static String export(String id) {
        StringBuilder b = new StringBuilder(ITEMS * 200);
        b.append("{\"subject\":{\"org\":\"steward\",\"kind\":\"ACCOUNT\",\"id\":\"").append(id).append("\"},")
                .append("\"exportedAt\":\"2026-03-01T10:00:00Z\",\"restricted\":false,")
                .append("\"fields\":[{\"name\":\"email\",\"value\":\"large@example.com\",\"category\":\"CONTACT\"}],")
                .append("\"accessLogs\":[");
        for (int i = 0; i < ITEMS; i++) {
            b.append(i == 0 ? "" : ",").append("{\"ip\":\"198.51.100.").append(i % 250).append("\",\"at\":\"2026-02-01T09:")
                    .append(String.format("%02d:%02d", (i / 60) % 60, i % 60)).append(".").append(i)
                    .append("Z\",\"durationMs\":").append(i % 97).append(",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64)\",")
                    .append("\"path\":\"/me\",\"category\":\"NETWORK_LOG\",\"purpose\":\"security\"}");
        }
        return b.append("],\"consents\":[],\"accessRecords\":[]}").toString();
    }

    private static long countAccessLogs(InputStream json) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            long n = 0;
            int depth = 0;
            boolean inLogs = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "accessLogs".equals(p.currentName()) && depth == 2) {
                    inLogs = true;
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (inLogs && depth == 3 && t == JsonToken.START_OBJECT) {
                        n++;
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inLogs && depth == 2) {
                        inLogs = false;
                    }
                }
            }
            return n;
        }
    }
}
