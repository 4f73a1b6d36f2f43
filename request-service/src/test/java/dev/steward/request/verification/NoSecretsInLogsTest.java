package dev.steward.request.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import dev.steward.platform.testing.Tokens;
import dev.steward.request.Api;
import dev.steward.request.GreenMailResource;
import dev.steward.request.peer.Contract;
import dev.steward.request.peer.PeerStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole Privacy Center flow with every log record captured (all levels that are enabled): no
 * code, no status token and no e-mail address appears in any message, parameter or stack trace of the
 * service, its libraries or Quarkus (only the test's own SMTP server, GreenMail, is left out).
 */
@QuarkusTest
class NoSecretsInLogsTest {

    @GreenMailResource.Mailbox
    GreenMail smtp;
    @PeerStubs.AccountStub
    WireMockServer account;
    @PeerStubs.DisclosureStub
    WireMockServer disclosure;

    /** Collects every record the root logger would publish, as text. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            if (r.getLoggerName() != null && r.getLoggerName().startsWith("com.icegreen.")) {
                return; // the test's SMTP server (standing in for the mail relay) logs its mailboxes: not the service
            }
            StringBuilder text = new StringBuilder(r.getLoggerName()).append(' ');
            text.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theFlowLogsNoCodeTokenOrAddress() {
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String contact = "log-watch@example.org";
        try {
            Contract.access(account, disclosure, "steward", "VISITOR", "log-cookie");
            String id = PrivacyCenterTest.submit("192.0.2.40", "ACCESS", "VISITOR", "steward", "log-cookie", contact);
            PrivacyCenterTest.Mailed first = PrivacyCenterTest.awaitMail(smtp, contact, 1);
            String wrong = first.code().equals("999999") ? "999998" : "999999";
            PrivacyCenterTest.verify("192.0.2.40", id, wrong).then().statusCode(422);
            given().header("X-Forwarded-For", "192.0.2.40").contentType(ContentType.JSON).body(Map.of("email", contact))
                    .when().post("/public/requests/" + id + "/code").then().statusCode(202);
            PrivacyCenterTest.Mailed second = PrivacyCenterTest.awaitMail(smtp, contact, 2);
            PrivacyCenterTest.verify("192.0.2.40", id, first.code()).then().statusCode(422); // replaced: no longer the code
            String token = PrivacyCenterTest.verify("192.0.2.40", id, second.code()).then().statusCode(200)
                    .extract().path("statusToken");
            Api.awaitStatus(Tokens.officer("log-officer"), id, "COMPLETED");
            given().when().get("/public/status/" + token).then().statusCode(200);
            given().when().get("/public/status/" + second.statusToken()).then().statusCode(200);

            List<String> secrets = List.of(contact, "log-watch", first.code(), second.code(), first.statusToken(),
                    second.statusToken(), token);
            String all = String.join("\n", capture.lines);
            assertTrue(all.contains("privacy-center mail sent for request " + id),
                    "the capture sees the service's own log lines: " + all.lines().count() + " lines");
            for (String secret : secrets) {
                assertEquals(List.of(), capture.lines.stream().filter(l -> l.contains(secret)).toList(),
                        "a log line carries a secret of the flow");
            }
        } finally {
            root.removeHandler(capture);
        }
    }
}
