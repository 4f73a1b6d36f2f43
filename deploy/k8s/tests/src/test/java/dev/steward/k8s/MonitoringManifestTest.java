package dev.steward.k8s;

import static dev.steward.k8s.Rendered.each;
import static dev.steward.k8s.Rendered.labels;
import static dev.steward.k8s.Rendered.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator needs on day two (issue 18), as both overlays render it: the alerts, each linked
 * to its section of RUNBOOK.md; the Grafana dashboard for the sidecar; the daily CronJob that
 * verifies the ledger, and the network path it needs.
 */
class MonitoringManifestTest {

    /** The alerts issue 18 asks for, with the window or threshold it names. */
    static final Map<String, String> REQUIRED_ALERTS = new LinkedHashMap<>();

    static {
        REQUIRED_ALERTS.put("StewardRequestOverdue", "steward_requests_overdue");
        REQUIRED_ALERTS.put("StewardCallbackRetriesExhausted", "steward_callbacks_exhausted_total");
        REQUIRED_ALERTS.put("StewardLedgerVerificationFailed", "steward_ledger_verification_ok");
        REQUIRED_ALERTS.put("StewardLedgerVerificationNotRun", "24 * 3600");
        REQUIRED_ALERTS.put("StewardLedgerCheckpointStale", "2 * 3600");
        REQUIRED_ALERTS.put("StewardServiceNotReady", "kube_deployment_status_replicas_available");
        REQUIRED_ALERTS.put("StewardHighErrorRatio", "> 0.01");
        REQUIRED_ALERTS.put("StewardDatabasePoolExhausted", "agroal_awaiting_count");
        REQUIRED_ALERTS.put("StewardPurgeNotRun", "steward_purge_last_success");
        REQUIRED_ALERTS.put("StewardLedgerVerifierJobFailed", "ledger-verifier");
    }

    static final Map<String, String> REQUIRED_FOR = Map.of("StewardServiceNotReady", "5m", "StewardHighErrorRatio", "10m");
    static final Set<String> DASHBOARD_ROWS = Set.of("Privacy obligations", "account-service", "request-service",
            "disclosure-service", "console");

    @BeforeEach
    void needsKubectl() {
        Assumptions.assumeTrue(Kubectl.AVAILABLE, ManifestTest.NO_KUBECTL);
    }

    /** Whether kubectl runs here, asked once for the class. */
    static final class Kubectl {
        static final boolean AVAILABLE = Rendered.kubectlAvailable();
    }

    private static List<JsonNode> alerts(Rendered r) {
        JsonNode rule = r.get("PrometheusRule", "steward");
        List<JsonNode> alerts = new ArrayList<>();
        each(rule.path("spec").path("groups")).flatMap(g -> each(g.path("rules")))
                .filter(x -> x.has("alert")).forEach(alerts::add);
        return alerts;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theRuleHasTheAlertsOperatorsNeed(String overlay) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode alert : alerts(Rendered.of(overlay))) {
            assertFalse(byName.containsKey(alert.path("alert").asText()), overlay + ": alert names are unique");
            byName.put(alert.path("alert").asText(), alert);
        }
        List<String> problems = new ArrayList<>();
        REQUIRED_ALERTS.forEach((name, mark) -> {
            JsonNode a = byName.get(name);
            if (a == null) {
                problems.add("no alert " + name);
            } else if (!a.path("expr").asText().contains(mark)) {
                problems.add(name + ": its expression does not use " + mark + ": " + a.path("expr").asText());
            }
        });
        REQUIRED_FOR.forEach((name, window) -> {
            if (byName.containsKey(name) && !window.equals(byName.get(name).path("for").asText())) {
                problems.add(name + ": must hold for " + window + ", found '" + byName.get(name).path("for").asText() + "'");
            }
        });
        byName.forEach((name, a) -> {
            if (!Set.of("critical", "warning").contains(a.path("labels").path("severity").asText())) {
                problems.add(name + ": severity is critical or warning");
            }
            if (a.path("annotations").path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
            }
            if (!a.path("expr").asText().contains("namespace")) {
                problems.add(name + ": not grouped by namespace (dev and prod would mix)");
            }
        });
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }

    /**
     * The expressions fire when, and only when, their runbook sections say: {@code promtool test rules}
     * with the synthetic series of src/test/resources/alerts-test.yml (missing windows, thresholds,
     * guards and namespace grouping fail it). Needs promtool (Prometheus's own tool): on the PATH or
     * {@code -Dpromtool=/path/to/promtool}; skipped with a message where there is none.
     */
    @Test
    void theAlertsFireWhenTheirRunbooksSay() throws IOException, InterruptedException {
        Optional<String> promtool = Promtool.find();
        Assumptions.assumeTrue(promtool.isPresent(), "SKIPPED: promtool is not on the PATH (nor -Dpromtool=…), so the "
                + "alert unit tests of alerts-test.yml did not run. It is in Debian's prometheus package.");
        Path dir = Files.createTempDirectory("steward-alert-tests");
        try {
            ObjectNode rules = new ObjectMapper().createObjectNode();
            ArrayNode groups = rules.putArray("groups");
            each(Rendered.of("dev").get("PrometheusRule", "steward").path("spec").path("groups")).forEach(g -> {
                ObjectNode group = g.deepCopy();
                each(group.path("rules")).forEach(rule -> ((ObjectNode) rule).remove("annotations"));
                groups.add(group);
            });
            new YAMLMapper().writeValue(dir.resolve("rules.yml").toFile(), rules);
            try (InputStream tests = getClass().getResourceAsStream("/alerts-test.yml")) {
                Files.copy(tests, dir.resolve("alerts-test.yml"));
            }
            Process p = new ProcessBuilder(promtool.get(), "test", "rules", "alerts-test.yml")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "promtool finished");
            assertEquals(0, p.exitValue(), "promtool test rules alerts-test.yml:\n" + out);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** promtool from -Dpromtool or the PATH. */
    static final class Promtool {
        static Optional<String> find() {
            String explicit = System.getProperty("promtool", "");
            if (!explicit.isBlank()) {
                return Files.isExecutable(Path.of(explicit)) ? Optional.of(explicit) : Optional.empty();
            }
            return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).map(Path::toString).findFirst();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertLinksToItsRunbookSection(String overlay) throws IOException {
        String runbook = Files.readString(Rendered.K8S_DIR.resolve("RUNBOOK.md"));
        Map<String, String> sections = sections(runbook);
        List<String> problems = new ArrayList<>();
        for (JsonNode alert : alerts(Rendered.of(overlay))) {
            String name = alert.path("alert").asText();
            String url = alert.path("annotations").path("runbook_url").asText();
            int hash = url.indexOf("/deploy/k8s/RUNBOOK.md#");
            if (hash < 0 || !url.startsWith("https://")) {
                problems.add(name + ": runbook_url is not an https link to deploy/k8s/RUNBOOK.md#…: " + url);
                continue;
            }
            String anchor = url.substring(url.indexOf('#') + 1);
            String section = sections.get(anchor);
            if (section == null) {
                problems.add(name + ": RUNBOOK.md has no heading with anchor #" + anchor);
            } else if (!anchor.equals(slug(name))) {
                problems.add(name + ": links to #" + anchor + ", not to its own section #" + slug(name));
            } else {
                for (String part : List.of("Meaning", "Look", "Fix")) {
                    if (!section.contains("**" + part)) {
                        problems.add(name + ": its runbook section has no **" + part + "** part");
                    }
                }
                if (!section.contains("kubectl")) {
                    problems.add(name + ": its runbook section shows no command to look with");
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }

    /** Heading anchor (GitHub's rule: lower case, punctuation dropped, spaces to hyphens) → the section's text. */
    static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String anchor = null;
        StringBuilder text = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.matches("#{1,6} .*")) {
                if (anchor != null) {
                    sections.put(anchor, text.toString());
                }
                anchor = slug(line.replaceFirst("#{1,6} ", ""));
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (anchor != null) {
            sections.put(anchor, text.toString());
        }
        return sections;
    }

    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardIsProvisionedWithARowPerServiceAndThePrivacyRow(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        List<JsonNode> maps = r.kind("ConfigMap").filter(c -> "1".equals(c.path("metadata").path("labels")
                .path("grafana_dashboard").asText())).toList();
        assertEquals(1, maps.size(), overlay + ": one ConfigMap labelled grafana_dashboard=1");
        JsonNode data = maps.get(0).path("data");
        assertEquals(1, data.size(), overlay + ": one dashboard in it");
        String file = data.fieldNames().next();
        assertTrue(file.endsWith(".json"), overlay + ": the sidecar loads *.json: " + file);
        JsonNode dashboard = new ObjectMapper().readTree(data.path(file).asText());
        assertFalse(dashboard.path("uid").asText().isEmpty(), overlay + ": a stable uid");

        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> current = null;
        for (JsonNode panel : (Iterable<JsonNode>) each(dashboard.path("panels"))::iterator) {
            if ("row".equals(panel.path("type").asText())) {
                current = new ArrayList<>();
                rows.put(panel.path("title").asText(), current);
            } else {
                assertTrue(current != null, overlay + ": every panel is in a row");
                assertEquals("${datasource}", panel.path("datasource").path("uid").asText(),
                        overlay + ": panel " + panel.path("title").asText() + " uses the chosen Prometheus");
                List<String> into = current;
                each(panel.path("targets")).forEach(t -> into.add(t.path("expr").asText()));
            }
        }
        assertEquals(new TreeSet<>(DASHBOARD_ROWS), new TreeSet<>(rows.keySet()), overlay + ": the dashboard's rows");
        String privacy = String.join("\n", rows.get("Privacy obligations"));
        for (String metric : List.of("steward_requests_overdue", "steward_requests_due_soon", "steward_legal_holds_active",
                "steward_ledger_verification_ok")) {
            assertTrue(privacy.contains(metric), overlay + ": the privacy obligations row shows " + metric);
        }
        for (String service : List.of("account-service", "request-service", "disclosure-service", "console")) {
            assertTrue(rows.get(service).stream().anyMatch(e -> e.contains("job=\"" + service + "\"")),
                    overlay + ": the " + service + " row shows that service's own series");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void aCronJobVerifiesTheLedgerDailyAndFailsLoudly(String overlay) {
        Rendered r = Rendered.of(overlay);
        JsonNode cron = r.get("CronJob", "ledger-verifier");
        String[] schedule = cron.path("spec").path("schedule").asText().trim().split("\\s+");
        assertEquals(5, schedule.length, overlay + ": a five-field schedule");
        assertTrue(schedule[0].matches("\\d+") && schedule[1].matches("\\d+")
                        && schedule[2].equals("*") && schedule[3].equals("*") && schedule[4].equals("*"),
                overlay + ": once a day at a fixed time: " + cron.path("spec").path("schedule").asText());
        assertEquals("Forbid", cron.path("spec").path("concurrencyPolicy").asText(), overlay + ": never two runs at once");
        assertTrue(cron.path("spec").path("failedJobsHistoryLimit").asInt(1) > 0,
                overlay + ": failed runs are kept, so the alert and the operator see them");

        JsonNode job = cron.path("spec").path("jobTemplate").path("spec");
        JsonNode pod = job.path("template").path("spec");
        assertEquals("Never", pod.path("restartPolicy").asText(), overlay + ": a failed run stays failed");
        JsonNode container = pod.path("containers").get(0);
        List<String> args = each(container.path("args")).map(JsonNode::asText).toList();
        assertEquals("monitor", args.get(0), overlay + ": runs ledger-verifier's monitor command: " + args);
        assertTrue(args.containsAll(List.of("--key", "--log", "--state")), overlay + ": " + args);

        String state = args.get(args.indexOf("--state") + 1);
        JsonNode mount = each(container.path("volumeMounts")).filter(m -> state.startsWith(m.path("mountPath").asText() + "/"))
                .findFirst().orElseGet(() -> fail(overlay + ": the state file " + state + " is on a mounted volume"));
        JsonNode volume = each(pod.path("volumes")).filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
                .findFirst().orElseThrow();
        String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
        assertTrue(r.find("PersistentVolumeClaim", claim).isPresent(),
                overlay + ": the accepted checkpoint survives between runs (a PVC), found " + volume);

        Map<String, String> config = new LinkedHashMap<>();
        each(container.path("envFrom")).forEach(f -> r.get("ConfigMap", f.path("configMapRef").path("name").asText())
                .path("data").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText())));
        assertEquals("http://disclosure-service", config.get("LEDGER_URL"), overlay + ": reads the log through its Service");
        assertTrue(args.contains("$(LEDGER_URL)") && args.contains("$(LEDGER_KEY)") && config.containsKey("LEDGER_KEY"),
                overlay + ": the log and its key come from the ConfigMap: " + args + " " + config.keySet());
        assertTrue(container.path("env").size() == 0 && each(container.path("envFrom")).noneMatch(f -> f.has("secretRef")),
                overlay + ": the job needs no secret (public ledger endpoints only)");

        Map<String, String> podLabels = labels(job.path("template").path("metadata").path("labels"));
        List<JsonNode> policies = r.kind("NetworkPolicy").filter(p -> !Rendered.isEmptySelector(p.path("spec").path("podSelector")))
                .filter(p -> selects(p.path("spec").path("podSelector"), podLabels)).toList();
        assertFalse(policies.isEmpty(), overlay + ": a NetworkPolicy of its own governs the verifier");
        Set<String> reached = policies.stream().flatMap(p -> each(p.path("spec").path("egress")))
                .flatMap(rule -> each(rule.path("to")))
                .map(peer -> peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText("?"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("disclosure-service"), reached, overlay + ": the verifier reaches disclosure-service only");
        assertTrue(policies.stream().allMatch(p -> p.path("spec").path("ingress").size() == 0),
                overlay + ": nothing connects to the verifier");
    }
}
