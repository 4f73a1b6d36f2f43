package dev.steward.e2e;

import static dev.steward.e2e.Calls.approvedByLeo;
import static dev.steward.e2e.Calls.as;
import static dev.steward.e2e.Calls.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.e2e.stack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the alerts of deploy/k8s (PrometheusRule {@code steward}) use is one the services
 * really expose: after some traffic through the whole stack (an ACCESS request across the three
 * services, a disclosure, a purge, a refused call), each service's {@code /q/metrics} is scraped and
 * every metric name of every alert expression must be among them — in the scrape of the service a
 * {@code job="…"} matcher names, else in any. The names that come from outside the services
 * (kube-state-metrics, Prometheus itself) are listed in {@link #FROM_OUTSIDE}.
 */
@ExtendWith(StackExtension.class)
class AlertRulesMatchMetricsIT {

    /** Series Prometheus gets from kube-state-metrics or makes itself, not from Steward's /q/metrics. */
    static final Set<String> FROM_OUTSIDE = Set.of("up", "kube_deployment_spec_replicas",
            "kube_deployment_status_replicas_available", "kube_job_status_failed",
            "kube_cronjob_status_last_schedule_time", "kube_cronjob_status_last_successful_time");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("(?<![a-zA-Z0-9_:.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    @Test
    void everyMetricAnAlertUsesIsExposedByTheServices(Stack stack) throws IOException {
        Map<String, String> alerts = alertExpressions(
                Path.of(System.getProperty("steward.root", "..")).resolve("deploy/k8s/base/monitoring/prometheusrule.yaml"));
        assertTrue(alerts.size() >= 10, "the PrometheusRule's alerts were read: " + alerts.keySet());

        traffic(stack);
        Map<String, Set<String>> exposed = new TreeMap<>();
        for (String service : Stack.SERVICES) {
            exposed.put(service, scrapedNames(stack.url(service)));
        }
        Set<String> anywhere = new TreeSet<>();
        exposed.values().forEach(anywhere::addAll);

        Map<String, Set<String>> missing = new TreeMap<>();
        alerts.forEach((alert, expr) -> {
            for (Map.Entry<String, String> use : metricNames(expr).entrySet()) {
                String name = use.getKey();
                String job = use.getValue();
                if (FROM_OUTSIDE.contains(name)) {
                    continue;
                }
                boolean found = job != null && exposed.containsKey(job) ? exposed.get(job).contains(name) : anywhere.contains(name);
                if (!found) {
                    missing.computeIfAbsent(name + (job != null ? " (in " + job + ")" : ""), k -> new TreeSet<>()).add(alert);
                }
            }
        });
        System.out.println("[AlertRulesMatchMetricsIT] metrics the alerts use that no service exposes: "
                + (missing.isEmpty() ? "none" : missing));
        assertTrue(missing.isEmpty(), "metrics the alerts use that the services do not expose (metric → alerts): "
                + missing + "\nexposed steward_* names: " + anywhere.stream().filter(n -> n.startsWith("steward_")).toList());
    }

    /** The extraction itself, on expressions of the shapes the rule uses. */
    @Test
    void metricNamesAreTakenFromExpressionsWithoutFunctionsLabelsOrKeywords() {
        Map<String, String> names = metricNames("""
                (time() - max by (namespace) (steward_purge_last_success)) > 26 * 3600
                and on (namespace) max by (namespace) (process_uptime_seconds{job="account-service"}) > 26 * 3600""");
        assertEquals(Set.of("steward_purge_last_success", "process_uptime_seconds"), names.keySet());
        assertEquals("account-service", names.get("process_uptime_seconds"));
        assertEquals(Set.of("http_server_requests_seconds_count"), metricNames(
                "sum by (namespace, job) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) "
                        + "/ sum by (namespace, job) (rate(http_server_requests_seconds_count[5m])) > 0.01").keySet());
        assertEquals(Set.of("steward_ledger_entries"), metricNames(
                "max by (namespace) (steward_ledger_entries) - max by (namespace) (steward_ledger_entries offset 2h) > 0").keySet());
    }

    /** Metric name → the job a {@code job="…"} matcher on it names (or null), for one PromQL expression. */
    static Map<String, String> metricNames(String expr) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher selectors = SELECTOR.matcher(expr);
        while (selectors.find()) {
            Matcher job = JOB.matcher(selectors.group(2));
            names.put(selectors.group(1), job.find() ? job.group(1) : names.get(selectors.group(1)));
        }
        String bare = expr.replaceAll("\\{[^}]*}", " ")                       // label matchers
                .replaceAll("\"[^\"]*\"", " ")                                 // strings
                .replaceAll("\\[[^]]*]", " ")                                  // ranges, subqueries
                .replaceAll("\\boffset\\s+\\d+[smhdwy]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            String name = m.group(1);
            if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.putIfAbsent(name, null);
            }
        }
        return names;
    }

    /**
     * The alerts' expressions (alert name → expr) of the rule file: plain YAML as the file writes it,
     * {@code expr:} on one line or as a folded block ({@code >-}) of more-indented lines.
     */
    static Map<String, String> alertExpressions(Path rule) throws IOException {
        List<String> lines = Files.readAllLines(rule);
        Map<String, String> alerts = new LinkedHashMap<>();
        String alert = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith("- alert:")) {
                alert = trimmed.substring("- alert:".length()).trim();
            } else if (trimmed.startsWith("expr:") && alert != null) {
                String value = trimmed.substring("expr:".length()).trim();
                if (value.equals(">-") || value.equals(">") || value.equals("|") || value.equals("|-")) {
                    int indent = line.indexOf("expr:");
                    List<String> block = new ArrayList<>();
                    while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                            || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                        block.add(lines.get(++i).trim());
                    }
                    value = String.join(" ", block);
                }
                alerts.put(alert, value);
            }
        }
        return alerts;
    }

    /** Traffic that makes the services register their per-call series: requests, peer calls, a purge, errors. */
    private static void traffic(Stack stack) {
        String alice = stack.tokens().user("alice");
        String id = as(alice).header("Idempotency-Key", "e2e-metrics-access-" + System.nanoTime())
                .body(body(Map.of("type", "ACCESS"))).post(stack.url("request-service") + "/requests")
                .then().statusCode(201).extract().path("id");
        Calls.awaitSettled(stack, alice, id);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(stack.tokens().user("lena")).header("Idempotency-Key", "e2e-metrics-disclosure-" + System.nanoTime())
                .body(body(approvedByLeo(stack, Map.of(
                        "recipient", Map.of("type", "LAW_ENFORCEMENT", "name", "Ogdenville Police"),
                        "legalBasis", "SUBPOENA", "caseReference", "OPD-2026-7",
                        "receivedOn", today, "disclosedOn", today,
                        "subjects", List.of(Map.of("org", "globex", "kind", "END_USER", "id", "e2e-metrics-1")),
                        "dataCategories", List.of("user.contact.email"),
                        "purpose", "criminal investigation", "outcome", "NON_CONTENT_DISCLOSED"))))
                .post(stack.url("disclosure-service") + "/disclosures").then().statusCode(201);

        as(stack.tokens().user("olivia")).post(stack.url("account-service") + "/retention/purges").then().statusCode(201);
        // a refused call and an unknown path: 4xx series beside the 2xx ones
        as(alice).get(stack.url("disclosure-service") + "/ledger/entries").then().statusCode(403);
        as(alice).get(stack.url("account-service") + "/no-such-path").then().statusCode(404);
    }

    /** Metric family names in a Prometheus text exposition (the samples' names, before any labels). */
    private static Set<String> scrapedNames(String serviceUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), serviceUrl + "/q/metrics");
            Set<String> names = new TreeSet<>();
            r.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
            assertFalse(names.isEmpty(), serviceUrl + "/q/metrics exposes samples");
            return names;
        } catch (IOException e) {
            throw new AssertionError("GET " + serviceUrl + "/q/metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
