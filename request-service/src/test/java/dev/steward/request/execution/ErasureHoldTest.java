package dev.steward.request.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §8b: a legal hold blocks erasure; after its release the same request is retried and completes. */
@QuarkusTest
class ErasureHoldTest {

    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    @Test
    void deniedUnderAHoldThenCompletedAfterRelease() {
        String path = Contract.customer("hal");
        Contract.held(disclosure, "steward", "ACCOUNT", "hal");
        Contract.erasure(account, path, Contract.LOGS_KEPT);
        String hal = Tokens.authenticatedAgo(30, "hal", "steward", "customer");
        String officer = Tokens.officer("olivia");
        String id = Api.submitted(hal, Map.of("type", "ERASURE", "jurisdiction", "GDPR"));

        JsonPath denied = Api.awaitStatus(hal, id, "DENIED");
        assertEquals("LEGAL_HOLD", denied.getString("denialReason"));
        assertEquals("8b", denied.getString("outcome.kept[0].exception"));
        assertTrue(denied.getString("outcome.kept[0].reason").contains("fraud investigation"));
        assertTrue(denied.getString("events[-1].note").startsWith("§8b"));
        account.verify(0, postRequestedFor(urlPathEqualTo(path + "/erasure")));

        // only an officer retries, and only once the hold is gone does it erase
        Api.action(hal, id, "retry", null).then().statusCode(403);
        Contract.noHolds(disclosure, "steward", "ACCOUNT", "hal");
        Api.action(officer, id, "retry", Map.of("note", "hold h-1 released by legal")).then().statusCode(200);
        JsonPath done = Api.awaitStatus(hal, id, "COMPLETED");
        assertEquals(List.of("account fields", "consents"), done.getList("outcome.erased.what"));
        assertEquals(List.of("8a"), done.getList("outcome.kept.exception"));
        assertEquals(List.of("RECEIVED", "VERIFIED", "IN_PROGRESS", "DENIED", "IN_PROGRESS", "COMPLETED"),
                done.getList("events.to"));
        account.verify(1, postRequestedFor(urlPathEqualTo(path + "/erasure")));
    }

    @Test
    void otherDenialsAreFinal() {
        String token = Tokens.customer("den");
        String id = Api.submitted(token, Map.of("type", "COMPLAINT", "description", "x"));
        String officer = Tokens.officer("olivia");
        Api.action(officer, id, "deny", Map.of()).then().statusCode(400);
        Api.action(officer, id, "deny", Map.of("reasonCode", "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", "note", "tenth copy"))
                .then().statusCode(200);
        Api.action(officer, id, "retry", null).then().statusCode(409);
        assertEquals("MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", Api.get(token, id).getString("denialReason"));
    }
}
