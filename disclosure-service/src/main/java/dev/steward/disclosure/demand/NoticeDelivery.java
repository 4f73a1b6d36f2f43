package dev.steward.disclosure.demand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.platform.peer.PeerCallMetrics;
import dev.steward.disclosure.record.AccountClient;
import dev.steward.platform.text.LogIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Tells a Client org about a legal demand naming its end users (SCC Clause 15.1(a)), through the
 * signed callback request-service uses for routed requests: POSTed to the org's callbackUrl, signed
 * with its callbackSecret ({@link CallbackSignature}). The delivery id is fixed on the first attempt
 * so every retry carries the same one; a 2xx is the acknowledgement, which is then recorded as a
 * NOTICE_DELIVERED event in the ledger. Not acknowledged: tried again on the next sweep.
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    private final AccountClient accounts;
    private final PeerCallMetrics peerCalls;
    private final DemandWorkflow workflow;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public NoticeDelivery(@RestClient AccountClient accounts, PeerCallMetrics peerCalls, DemandWorkflow workflow,
                          ObjectMapper json, Clock clock) {
        this.accounts = accounts;
        this.peerCalls = peerCalls;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
    }

    /** One attempt; true when the Client acknowledged. */
    public boolean deliver(UUID demandId, String org) {
        LegalNotice notice = QuarkusTransaction.requiringNew().call(() -> {
            LegalNotice n = LegalNotice.find("demandId = ?1 and org = ?2", demandId, org).firstResult();
            if (n == null) {
                n = new LegalNotice();
                n.id = UUID.randomUUID();
                n.demandId = demandId;
                n.org = org;
                n.deliveryId = UUID.randomUUID();
                n.persist();
            }
            return n;
        });
        if (notice.deliveredAt != null) {
            return true;
        }
        String body = QuarkusTransaction.requiringNew().call(() -> payload(demandId, org));
        int status = -1;
        String error = null;
        long sent = 0;
        try {
            JsonNode organisation = peerCalls.time(PeerCallMetrics.ACCOUNT, () -> accounts.organisation(org));
            String url = organisation.path("callbackUrl").asText("");
            String secret = organisation.path("callbackSecret").asText("");
            if (url.isBlank() || secret.isBlank()) {
                throw new IllegalStateException("the Client has no callbackUrl/callbackSecret registered");
            }
            long t = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Steward-Legal-Demand-Id", demandId.toString())
                    .header(CallbackSignature.DELIVERY_HEADER, notice.deliveryId.toString())
                    .header(CallbackSignature.HEADER, CallbackSignature.header(secret, t, notice.deliveryId.toString(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            sent = System.nanoTime();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            if (sent != 0) {
                peerCalls.record(PeerCallMetrics.CLIENT_CALLBACK, PeerCallMetrics.outcome(status), System.nanoTime() - sent);
            }
        }
        boolean ok = status >= 200 && status < 300;
        int httpStatus = status;
        String why = error != null ? error : "Client answered HTTP " + status;
        QuarkusTransaction.requiringNew().run(() -> {
            LegalNotice n = LegalNotice.findById(notice.id);
            n.attempts++;
            n.lastStatus = httpStatus < 0 ? null : httpStatus;
            n.lastError = ok ? null : why.length() > 1000 ? why.substring(0, 1000) : why;
            n.deliveredAt = ok ? clock.instant() : null;
        });
        if (ok) {
            QuarkusTransaction.requiringNew().run(() -> workflow.noticeDelivered(demandId, org, notice.deliveryId));
        } else {
            LOG.warnf("Notice of legal demand %s to Client %s not acknowledged: %s", demandId, LogIds.of(org), why);
        }
        return ok;
    }

    /** What the Client is told: the demand, the org's end users it names, and where it stands. No other org's data. */
    String payload(UUID demandId, String org) {
        LegalDemand d = DemandWorkflow.demand(demandId);
        DemandState s = DemandWorkflow.state(demandId);
        ObjectNode p = json.createObjectNode();
        p.put("api_version", "1.0");
        p.put("type", "legal_demand_notice");
        p.put("legal_demand_id", d.id.toString());
        p.put("org", org);
        p.put("process_type", d.processType.name());
        p.put("agency_type", d.agencyType.name());
        p.put("agency", d.agencyName);
        p.put("country", d.country);
        p.put("received_on", d.receivedOn.toString());
        p.put("status", s.status.name());
        p.putPOJO("data_categories", d.dataCategories);
        var subjects = p.putArray("subject_identities");
        d.subjects.stream().filter(x -> x.org().equals(org)).forEach(x -> subjects.addObject()
                .put("identity_type", "controller_id").put("identity_value", x.subjectId())
                .put("subject_kind", x.kind().name()));
        if (d.gagAuthority != null) {
            p.put("nondisclosure_order_lapsed_on", s.gagUntil == null ? null : s.gagUntil.plusDays(1).toString());
        }
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
