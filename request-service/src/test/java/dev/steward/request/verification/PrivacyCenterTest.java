package dev.steward.request.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.steward.platform.testing.MovableClock;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.GreenMailResource;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * C2, the Privacy Center's API, against a real SMTP server: the code is read from the mail the service
 * sent, as a person would; wrong tries, the lock, expiry, resending, re-verification, the status page,
 * routing, the 7-day expiry sweep and no enumeration.
 */
@QuarkusTest
public class PrivacyCenterTest {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:8094/privacy/status/([A-Za-z0-9_-]+)");

    @GreenMailResource.Mailbox
    GreenMail smtp;
    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;
    @Inject
    MovableClock clock;
    @Inject
    UnverifiedExpiry expiry;

    private final String officer = Tokens.officer("pc-officer");

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** What the person reads: the code and the status link in the newest of {@code count} mails to {@code to}. */
    public record Mailed(String code, String statusToken, String text) {
    }

    public static Mailed awaitMail(GreenMail smtp, String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(smtp, to).size() >= count);
        String text = GreenMailUtil.getBody(mailsTo(smtp, to).get(count - 1)).replace("=\r\n", "").replace("\r\n", "\n");
        Matcher code = CODE.matcher(text);
        Matcher link = LINK.matcher(text);
        return new Mailed(code.find() ? code.group(1) : null, link.find() ? link.group(1) : null, text);
    }

    public static List<MimeMessage> mailsTo(GreenMail smtp, String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    public static String submit(String address, String type, String kind, String org, String subjectId, String contact) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("type", type, "contact", contact, "subject", Map.of("org", org, "kind", kind, "id", subjectId)))
                .when().post("/public/requests").then().statusCode(201).extract().path("id");
    }

    public static io.restassured.response.Response verify(String address, String id, String code) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/public/requests/" + id + "/verification");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aVisitorVerifiesWithTheMailedCodeAndFollowsTheRequestToItsReport() {
        Contract.access(account, disclosure, "steward", "VISITOR", "pc-cookie-1");
        String id = submit("192.0.2.10", "ACCESS", "VISITOR", "steward", "pc-cookie-1", "pc-one@example.org");
        assertEquals("PENDING_VERIFICATION", Api.status(officer, id));
        Mailed mail = awaitMail(smtp, "pc-one@example.org", 1);
        assertNotNull(mail.code(), mail.text());
        assertTrue(mail.text().contains("valid for 15 minutes"), mail.text());
        assertNotNull(mail.statusToken(), "the mail links to the status page: " + mail.text());
        given().when().get("/public/status/" + mail.statusToken()).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("PENDING_VERIFICATION"))
                .body("steps.status", equalTo(List.of("PENDING", "PENDING", "PENDING", "PENDING")));

        verify("192.0.2.10", id, wrong(mail.code())).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/wrong-code")).body("attemptsLeft", equalTo(4));
        JsonPath ok = verify("192.0.2.10", id, mail.code()).then().statusCode(200).extract().jsonPath();
        assertEquals(id, ok.getString("id"));
        String token = ok.getString("statusToken");
        assertTrue(token.length() >= 22, "at least 128 bits: " + token);
        assertNotEquals(mail.statusToken(), token);
        verify("192.0.2.10", id, mail.code()).then().statusCode(409).body("type", endsWith("/code-expired")); // used once

        Api.awaitStatus(officer, id, "COMPLETED");
        assertEquals(Verifications.REQUESTER, Api.get(officer, id).getString("events.find { it.to == 'VERIFIED' }.actor"),
                "verified by the requester's code, without an officer");
        JsonPath status = given().when().get("/public/status/" + token).then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETED", status.getString("status"));
        assertEquals("ACCESS", status.getString("type"));
        assertEquals(List.of("Identity confirmed by e-mail", "Collect your data", "List who your data was disclosed to",
                "Prepare your report"), status.getList("steps.name"));
        assertEquals(List.of("DONE", "DONE", "DONE", "DONE"), status.getList("steps.status"));
        assertNotNull(status.getString("steps[3].at"));
        assertNotNull(status.getString("respondedAt"));
        String link = status.getString("reportLink");
        assertNotNull(link, "the expiring signed report link, once the report exists");
        given().when().get(link).then().statusCode(200);
        given().when().get("/public/status/" + mail.statusToken()).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void fiveWrongTriesLockTheCodeAndANewCodeReplacesIt() {
        Contract.access(account, disclosure, "steward", "VISITOR", "pc-cookie-2");
        String id = submit("192.0.2.11", "ACCESS", "VISITOR", "steward", "pc-cookie-2", "pc-two@example.org");
        Mailed first = awaitMail(smtp, "pc-two@example.org", 1);
        for (int left = 4; left >= 0; left--) {
            verify("192.0.2.11", id, wrong(first.code())).then().statusCode(422).body("attemptsLeft", equalTo(left));
        }
        verify("192.0.2.11", id, first.code()).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/code-locked"));
        assertEquals("PENDING_VERIFICATION", Api.status(officer, id));

        given().header("X-Forwarded-For", "192.0.2.11").contentType(ContentType.JSON).body(Map.of("email", "PC-Two@example.org"))
                .when().post("/public/requests/" + id + "/code").then().statusCode(202).body("sent", equalTo(true));
        Mailed second = awaitMail(smtp, "pc-two@example.org", 2);
        verify("192.0.2.11", id, second.code()).then().statusCode(200);
        assertNotEquals("PENDING_VERIFICATION", Api.status(officer, id));
    }

    @Test
    void aCodeExpiresAfterFifteenMinutesAndReVerificationGivesANewStatusLink() {
        String id = submit("192.0.2.12", "ACCESS", "ACCOUNT", "steward", "pc-acct-3", "pc-three@example.org");
        Mailed first = awaitMail(smtp, "pc-three@example.org", 1);
        clock.advance(Duration.ofMinutes(15));
        verify("192.0.2.12", id, first.code()).then().statusCode(409).body("type", endsWith("/code-expired"));
        clock.reset();

        // the request is left unverified: after 7 days the sweep expires it, and it is listed so
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertTrue(expiry.sweep() >= 1);
        clock.reset();
        assertEquals("EXPIRED", Api.status(officer, id));
        assertTrue(given().auth().oauth2(officer).queryParam("status", "EXPIRED").queryParam("subjectId", "pc-acct-3")
                .when().get("/requests").then().statusCode(200).extract().jsonPath().getList("items.id").contains(id));
        verify("192.0.2.12", id, first.code()).then().statusCode(409);

        // the requester can still see that, by asking for a new code
        given().header("X-Forwarded-For", "192.0.2.12").contentType(ContentType.JSON).body(Map.of("email", "pc-three@example.org"))
                .when().post("/public/requests/" + id + "/code").then().statusCode(202);
        Mailed again = awaitMail(smtp, "pc-three@example.org", 2);
        String token = verify("192.0.2.12", id, again.code()).then().statusCode(200).body("status", equalTo("EXPIRED"))
                .extract().path("statusToken");
        given().when().get("/public/status/" + token).then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void aCustomersErasureWaitingForAnOfficerDoesNotExpire() {
        String id = Api.submitted(Tokens.customer("pc-customer"), Map.of("type", "ERASURE"));
        assertEquals("PENDING_VERIFICATION", Api.status(officer, id));
        clock.advance(Duration.ofDays(30));
        expiry.sweep();
        clock.reset();
        assertEquals("PENDING_VERIFICATION", Api.status(officer, id), "only public requests wait for the requester's code");
    }

    @Test
    void nothingTellsWhetherAnAddressOrRequestIsKnown() {
        String id = submit("192.0.2.13", "ACCESS", "VISITOR", "steward", "pc-cookie-4", "pc-four@example.org");
        awaitMail(smtp, "pc-four@example.org", 1);
        for (String[] ask : List.of(new String[] {id, "someone-else@example.org"},
                new String[] {java.util.UUID.randomUUID().toString(), "pc-four@example.org"})) {
            String body = given().header("X-Forwarded-For", "192.0.2.13").contentType(ContentType.JSON).body(Map.of("email", ask[1]))
                    .when().post("/public/requests/" + ask[0] + "/code").then().statusCode(202).extract().asString();
            assertEquals("{\"sent\":true}", body);
        }
        given().header("X-Forwarded-For", "192.0.2.13").contentType(ContentType.JSON).body(Map.of("email", "pc-four@example.org"))
                .when().post("/public/requests/" + id + "/code").then().statusCode(202);
        awaitMail(smtp, "pc-four@example.org", 2);
        assertEquals(2, mailsTo(smtp, "pc-four@example.org").size(), "the code request for an unknown id mailed nothing");
        assertEquals(0, mailsTo(smtp, "someone-else@example.org").size());

        verify("192.0.2.13", java.util.UUID.randomUUID().toString(), "123456").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/public/status/not-a-token").then().statusCode(404).contentType("application/problem+json");
        verify("192.0.2.13", id, "12345").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("code"));
    }

    @Test
    void aRequestAboutAClientsEndUserIsPassedOnWithoutACode() {
        Contract.org(account, "pc-initech", account.baseUrl() + "/client-hooks/pc-initech", "s3cret");
        account.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/client-hooks/pc-initech")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)));
        String id = given().header("X-Forwarded-For", "192.0.2.14").contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "contact", "pc-five@example.org",
                        "subject", Map.of("org", "pc-initech", "kind", "END_USER", "id", "u-5")))
                .when().post("/public/requests").then().statusCode(201).body("status", equalTo("ROUTED_TO_CONTROLLER"))
                .extract().path("id");
        Mailed mail = awaitMail(smtp, "pc-five@example.org", 1);
        assertNull(mail.code(), "no code for a routed request: " + mail.text());
        assertTrue(mail.text().contains("pc-initech is the controller"), mail.text());
        assertTrue(mail.text().contains("passed your request on"), mail.text());
        verify("192.0.2.14", id, "123456").then().statusCode(404);
        assertFalse(mail.text().contains("/privacy/status/"));
    }
}
