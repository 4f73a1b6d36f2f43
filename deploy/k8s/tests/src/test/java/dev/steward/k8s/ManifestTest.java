package dev.steward.k8s;

import static dev.steward.k8s.Rendered.each;
import static dev.steward.k8s.Rendered.labels;
import static dev.steward.k8s.Rendered.name;
import static dev.steward.k8s.Rendered.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay with `kubectl kustomize` and checks what an operator of the cluster relies
 * on: hardened containers with probes and limits, one image version per release, network policies
 * that deny by default and admit only the callers each service expects, configuration complete and
 * secrets only by reference, the companions of every Deployment, high availability in prod, and a
 * realm import that matches the realm the rest of the project uses.
 */
class ManifestTest {

    static final List<String> SERVICES = List.of("account-service", "request-service", "disclosure-service");
    static final Map<String, String> DATABASE = Map.of("account-service", "account-db",
            "request-service", "request-db", "disclosure-service", "disclosure-db");
    /** Which pods may open connections to each service: peers (its internal API) and the console (its public API). */
    static final Map<String, Set<String>> INTERNAL_CALLERS = Map.of(
            "account-service", Set.of("request-service", "disclosure-service", "console"),
            "request-service", Set.of("console"),
            "disclosure-service", Set.of("request-service", "account-service", "console", "ledger-verifier"));
    static final String CONSOLE = "console";
    static final Set<String> CALLER_NAMESPACES = Set.of("ingress-nginx", "monitoring");
    static final Map<String, Set<String>> REQUIRED_ENV = Map.of(
            "account-service", Set.of("DISCLOSURE_SERVICE_URL", "MASTER_KEY", "BLIND_INDEX_KEY"),
            "request-service", Set.of("ACCOUNT_SERVICE_URL", "DISCLOSURE_SERVICE_URL", "REPORT_LINK_SECRET", "TRUST_PROXY",
                    "VERIFICATION_CODE_SECRET", "MAIL_HOST", "PRIVACY_CENTER_URL"),
            "disclosure-service", Set.of("ACCOUNT_SERVICE_URL", "LEDGER_SIGNING_KEY", "DB_APP_USER", "DB_APP_PASSWORD"));
    static final Set<String> COMMON_ENV = Set.of("PORT", "DB_URL", "DB_USER", "DB_PASSWORD", "OIDC_URL",
            "OIDC_CLIENT_SECRET", "OTEL_SDK_DISABLED", "QUARKUS_LOG_CONSOLE_JSON_ENABLED");
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN).*|DB_(APP_)?USER");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    static final String NO_KUBECTL = "SKIPPED: kubectl is not on the PATH, so deploy/k8s/overlays cannot be rendered "
            + "and none of the manifest checks ran. Install kubectl (1.27+, it embeds kustomize) to run them.";
    private static boolean kubectl;

    @BeforeAll
    static void lookForKubectl() {
        kubectl = Rendered.kubectlAvailable();
        if (!kubectl) {
            System.err.println("[k8s-manifest-tests] " + NO_KUBECTL);
        }
    }

    /** The one allowed skip: every check is reported as skipped, with the reason. */
    @BeforeEach
    void needsKubectl() {
        Assumptions.assumeTrue(kubectl, NO_KUBECTL);
    }

    // ---------------------------------------------------------------- containers

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerIsHardenedProbedAndBounded(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, JsonNode> pods = r.podSpecs();
        assertTrue(pods.keySet().containsAll(SERVICES.stream().map(s -> "Deployment/" + s).toList()),
                overlay + ": the three Deployments are rendered, found " + pods.keySet());
        List<String> problems = new ArrayList<>();
        pods.forEach((workload, pod) -> {
            JsonNode podSc = pod.path("securityContext");
            for (String hostFlag : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(hostFlag).asBoolean(false)) {
                    problems.add(workload + ": " + hostFlag);
                }
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(workload + ": mounts a service-account token");
            }
            boolean tmpIsWritable = each(pod.path("volumes")).anyMatch(v -> v.has("emptyDir")
                    && each(pod.path("containers")).allMatch(c -> each(c.path("volumeMounts"))
                    .anyMatch(m -> m.path("name").asText().equals(v.path("name").asText())
                            && m.path("mountPath").asText().equals("/tmp"))));
            if (!tmpIsWritable) {
                problems.add(workload + ": no emptyDir on /tmp (the root filesystem is read-only)");
            }
            List<JsonNode> all = new ArrayList<>();
            each(pod.path("containers")).forEach(all::add);
            each(pod.path("initContainers")).forEach(all::add);
            for (JsonNode c : all) {
                String where = workload + " container " + c.path("name").asText();
                boolean init = each(pod.path("initContainers")).anyMatch(ic -> ic == c);
                // a Job's container runs to completion: nothing to probe
                boolean job = workload.startsWith("CronJob/") || workload.startsWith("Job/");
                if (!init && !job) {
                    checkProbe(problems, where, c, "startupProbe", "/q/health/started");
                    checkProbe(problems, where, c, "livenessProbe", "/q/health/live");
                    checkProbe(problems, where, c, "readinessProbe", "/q/health/ready");
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String res : List.of("cpu", "memory")) {
                        if (c.path("resources").path(bound).path(res).asText().isEmpty()) {
                            problems.add(where + ": no " + bound + "." + res);
                        }
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!effective(sc, podSc, "runAsNonRoot").asBoolean(false)) {
                    problems.add(where + ": runAsNonRoot is not true");
                }
                if (effective(sc, podSc, "runAsUser").asInt(-1) == 0) {
                    problems.add(where + ": runs as uid 0");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (!sc.has("allowPrivilegeEscalation") || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    problems.add(where + ": privileged");
                }
                if (each(sc.path("capabilities").path("drop")).noneMatch(d -> d.asText().equals("ALL"))) {
                    problems.add(where + ": capabilities do not drop ALL");
                }
                if (sc.path("capabilities").path("add").size() > 0) {
                    problems.add(where + ": adds capabilities " + sc.path("capabilities").path("add"));
                }
                if (!"RuntimeDefault".equals(effective(sc, podSc, "seccompProfile").path("type").asText())) {
                    problems.add(where + ": seccompProfile is not RuntimeDefault");
                }
            }
        });
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }

    private static void checkProbe(List<String> problems, String where, JsonNode c, String probe, String path) {
        JsonNode p = c.path(probe);
        if (p.isMissingNode()) {
            problems.add(where + ": no " + probe);
        } else if (!path.equals(p.path("httpGet").path("path").asText())) {
            problems.add(where + ": " + probe + " is not an HTTP GET of " + path);
        }
    }

    /** A container's security setting, or the pod's when the container does not set it. */
    private static JsonNode effective(JsonNode containerSc, JsonNode podSc, String field) {
        return containerSc.has(field) ? containerSc.path(field) : podSc.path(field);
    }

    // ---------------------------------------------------------------- images

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void oneReleaseTagAndOneRegistryForTheThreeServices(String overlay) {
        Map<String, String[]> images = images(Rendered.of(overlay));
        Set<String> tags = new TreeSet<>();
        Set<String> registries = new TreeSet<>();
        images.forEach((service, image) -> {
            String repository = image[0];
            String tag = image[1];
            assertTrue(repository.endsWith("/" + service),
                    overlay + ": the image of " + service + " is named after it, found " + repository);
            assertFalse(tag.isEmpty() || tag.equals("latest"),
                    overlay + ": " + service + " runs a pinned tag, found '" + tag + "'");
            tags.add(tag);
            registries.add(repository.substring(0, repository.length() - service.length() - 1));
        });
        assertEquals(1, tags.size(), overlay + ": one release, one tag for all services: " + tags);
        assertEquals(1, registries.size(), overlay + ": one registry path for all services: " + registries);
    }

    @Test
    void imageNamesAreTheSameInEveryOverlay() {
        Map<String, String[]> dev = images(Rendered.of("dev"));
        Map<String, String[]> prod = images(Rendered.of("prod"));
        for (String service : dev.keySet()) {
            assertEquals(dev.get(service)[0], prod.get(service)[0],
                    "dev and prod run the same image repository for " + service);
        }
    }

    /** service → {repository, tag}; every container of a Steward Deployment (and the verifier's CronJob) runs that image. */
    private static Map<String, String[]> images(Rendered r) {
        Map<String, String[]> images = new HashMap<>();
        JsonNode verifier = r.get("CronJob", "ledger-verifier").path("spec").path("jobTemplate").path("spec")
                .path("template").path("spec").path("containers").get(0);
        images.put("ledger-verifier", imageRef(verifier.path("image").asText()));
        for (String service : SERVICES) {
            JsonNode pod = r.get("Deployment", service).path("spec").path("template").path("spec");
            List<String> refs = each(pod.path("containers")).map(c -> c.path("image").asText()).distinct().toList();
            assertEquals(1, refs.size(), r.overlay + ": " + service + " runs one image: " + refs);
            images.put(service, imageRef(refs.get(0)));
        }
        return images;
    }

    private static String[] imageRef(String image) {
        String ref = image.split("@", 2)[0];
        int colon = ref.lastIndexOf(':');
        boolean hasTag = colon > ref.lastIndexOf('/');
        return new String[] {hasTag ? ref.substring(0, colon) : ref, hasTag ? ref.substring(colon + 1) : ""};
    }

    // ---------------------------------------------------------------- network

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void trafficIsDeniedByDefaultAndAdmittedOnlyFromExpectedCallers(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<JsonNode> policies = r.kind("NetworkPolicy").toList();

        assertTrue(policies.stream().anyMatch(p -> Rendered.isEmptySelector(p.path("spec").path("podSelector"))
                        && types(p).containsAll(Set.of("Ingress", "Egress"))
                        && p.path("spec").path("ingress").size() == 0 && p.path("spec").path("egress").size() == 0),
                overlay + ": a default-deny policy (all pods, Ingress and Egress, no rules)");
        assertTrue(policies.stream().anyMatch(p -> Rendered.isEmptySelector(p.path("spec").path("podSelector"))
                        && each(p.path("spec").path("egress")).anyMatch(rule -> each(rule.path("ports"))
                        .anyMatch(port -> port.path("port").asInt() == 53 && "UDP".equals(port.path("protocol").asText())))),
                overlay + ": every pod may resolve names (UDP 53)");

        for (JsonNode p : policies) {
            for (JsonNode rule : (Iterable<JsonNode>) each(p.path("spec").path("ingress"))::iterator) {
                assertTrue(rule.path("from").size() > 0,
                        overlay + ": policy " + name(p) + " has an ingress rule open to every source");
                each(rule.path("from")).forEach(peer -> assertFalse(peer.size() == 0
                                || peer.has("ipBlock")
                                || (peer.has("namespaceSelector") && Rendered.isEmptySelector(peer.path("namespaceSelector"))),
                        overlay + ": policy " + name(p) + " admits every pod or address: " + peer));
            }
        }

        for (String service : SERVICES) {
            Map<String, String> podLabels = labels(r.get("Deployment", service)
                    .path("spec").path("template").path("metadata").path("labels"));
            List<JsonNode> mine = policies.stream()
                    .filter(p -> !Rendered.isEmptySelector(p.path("spec").path("podSelector")))
                    .filter(p -> selects(p.path("spec").path("podSelector"), podLabels)).toList();
            assertTrue(mine.stream().anyMatch(p -> types(p).contains("Ingress")),
                    overlay + ": a NetworkPolicy of its own governs who reaches " + service);
            assertTrue(mine.stream().anyMatch(p -> types(p).contains("Egress")),
                    overlay + ": a NetworkPolicy of its own governs where " + service + " connects");

            Set<String> callerPods = new TreeSet<>();
            Set<String> callerNamespaces = new TreeSet<>();
            Set<Integer> ports = new TreeSet<>();
            for (JsonNode p : mine) {
                for (JsonNode rule : (Iterable<JsonNode>) each(p.path("spec").path("ingress"))::iterator) {
                    each(rule.path("ports")).forEach(port -> ports.add(port.path("port").asInt()));
                    each(rule.path("from")).forEach(peer -> {
                        if (peer.has("namespaceSelector")) {
                            callerNamespaces.add(peer.path("namespaceSelector").path("matchLabels")
                                    .path("kubernetes.io/metadata.name").asText("?"));
                        } else {
                            callerPods.add(peer.path("podSelector").path("matchLabels")
                                    .path("app.kubernetes.io/name").asText("?"));
                        }
                    });
                }
            }
            assertEquals(INTERNAL_CALLERS.get(service), callerPods, overlay + ": pods that may call " + service);
            assertEquals(CALLER_NAMESPACES, callerNamespaces, overlay + ": namespaces that may call " + service);
            assertEquals(Set.of(8080), ports, overlay + ": " + service + " is reached on its HTTP port only");

            Set<String> databases = new TreeSet<>();
            for (JsonNode p : mine) {
                for (JsonNode rule : (Iterable<JsonNode>) each(p.path("spec").path("egress"))::iterator) {
                    each(rule.path("to")).forEach(peer -> {
                        assertFalse(peer.has("ipBlock"), overlay + ": " + service + " may not reach arbitrary addresses");
                        String cluster = peer.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText("");
                        if (!cluster.isEmpty()) {
                            databases.add(cluster);
                        }
                    });
                }
            }
            assertEquals(Set.of(DATABASE.get(service)), databases, overlay + ": " + service + " reaches its own database only");
            assertTrue(mine.stream().flatMap(p -> each(p.path("spec").path("egress")))
                            .anyMatch(rule -> each(rule.path("to")).anyMatch(peer ->
                                    "keycloak".equals(peer.path("podSelector").path("matchLabels").path("app").asText()))),
                    overlay + ": " + service + " reaches Keycloak");

            JsonNode dbPolicy = r.get("NetworkPolicy", DATABASE.get(service));
            Set<String> dbClients = each(dbPolicy.path("spec").path("ingress"))
                    .flatMap(rule -> each(rule.path("from")))
                    .map(peer -> peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText(""))
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            assertEquals(Set.of(service), dbClients, overlay + ": only " + service + " reaches " + DATABASE.get(service));
        }
    }

    private static Set<String> types(JsonNode policy) {
        return each(policy.path("spec").path("policyTypes")).map(JsonNode::asText).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- configuration and secrets

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void configurationIsCompleteAndSecretsAreOnlyReferenced(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        String readme = Files.readString(Rendered.K8S_DIR.resolve("README.md"));
        assertTrue(r.kind("Secret").noneMatch(s -> s.has("data") || s.has("stringData")),
                overlay + ": no Secret values in the manifests");
        Set<String> clusters = r.kind("Cluster").map(Rendered::name).collect(Collectors.toSet());

        for (String service : SERVICES) {
            JsonNode container = r.get("Deployment", service).path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> values = new HashMap<>();
            Map<String, JsonNode> secretRefs = new HashMap<>();
            for (JsonNode from : (Iterable<JsonNode>) each(container.path("envFrom"))::iterator) {
                assertFalse(from.has("secretRef"), overlay + ": " + service + " takes no whole Secret as environment");
                String cm = from.path("configMapRef").path("name").asText();
                r.get("ConfigMap", cm).path("data").fields()
                        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            }
            // A secret's value written in a ConfigMap or as a literal is in the repository, even
            // when a secretKeyRef of the same name shadows it at run time.
            for (String name : values.keySet()) {
                assertFalse(SECRET_NAME.matcher(name).matches(),
                        overlay + ": " + service + "'s ConfigMap holds " + name + ": secrets come from Secrets only");
            }
            for (JsonNode env : (Iterable<JsonNode>) each(container.path("env"))::iterator) {
                String name = env.path("name").asText();
                if (env.path("valueFrom").has("secretKeyRef")) {
                    secretRefs.put(name, env.path("valueFrom").path("secretKeyRef"));
                } else {
                    assertFalse(SECRET_NAME.matcher(name).matches(),
                            overlay + ": " + service + " sets " + name + " without a Secret");
                    values.put(name, env.path("value").asText());
                }
            }
            Set<String> names = new TreeSet<>(values.keySet());
            names.addAll(secretRefs.keySet());
            Set<String> required = new TreeSet<>(COMMON_ENV);
            required.addAll(REQUIRED_ENV.get(service));
            assertTrue(names.containsAll(required), overlay + ": " + service + " lacks "
                    + required.stream().filter(n -> !names.contains(n)).toList());
            for (Map.Entry<String, JsonNode> ref : secretRefs.entrySet()) {
                String secret = ref.getValue().path("name").asText();
                boolean operatorMade = clusters.stream().anyMatch(c -> secret.equals(c + "-app") || secret.equals(c + "-ca"));
                assertTrue(operatorMade || readme.contains("`" + secret + "`"),
                        overlay + ": Secret " + secret + " (for " + ref.getKey() + " of " + service
                                + ") is made by CloudNativePG or documented in deploy/k8s/README.md");
            }

            String db = DATABASE.get(service);
            JsonNode cluster = r.get("Cluster", db);
            String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
            assertTrue(values.get("DB_URL").startsWith("jdbc:postgresql://" + db + "-rw:5432/" + database + "?"),
                    overlay + ": " + service + " connects to the primary of " + db + ": " + values.get("DB_URL"));
            assertTrue(values.get("DB_URL").contains("sslmode=verify-full"), overlay + ": " + service + " verifies the database's certificate");
            assertEquals(db + "-app", secretRefs.get("DB_USER").path("name").asText());
            assertEquals(db + "-app", secretRefs.get("DB_PASSWORD").path("name").asText());
            if (secretRefs.containsKey("DB_APP_USER")) {
                // a separate runtime role: one the operator manages, with the same Secret
                String runtimeSecret = secretRefs.get("DB_APP_PASSWORD").path("name").asText();
                assertEquals(runtimeSecret, secretRefs.get("DB_APP_USER").path("name").asText());
                assertTrue(each(cluster.path("spec").path("managed").path("roles")).anyMatch(role ->
                                role.path("login").asBoolean(false)
                                        && runtimeSecret.equals(role.path("passwordSecret").path("name").asText())),
                        overlay + ": " + db + " manages the runtime role whose password is in " + runtimeSecret);
            }
            assertEquals("steward-oidc-clients", secretRefs.get("OIDC_CLIENT_SECRET").path("name").asText());
            assertEquals(service, secretRefs.get("OIDC_CLIENT_SECRET").path("key").asText());

            int httpPort = each(container.path("ports")).filter(p -> "http".equals(p.path("name").asText()))
                    .mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
            assertEquals(String.valueOf(httpPort), values.get("PORT"), overlay + ": " + service + " listens where its probes and Service look");
            for (String peerVar : List.of("ACCOUNT_SERVICE_URL", "DISCLOSURE_SERVICE_URL")) {
                if (values.containsKey(peerVar)) {
                    String peer = values.get(peerVar).replaceFirst("^http://", "");
                    JsonNode svc = r.get("Service", peer);
                    assertTrue(each(svc.path("spec").path("ports")).anyMatch(p -> p.path("port").asInt() == 80),
                            overlay + ": " + peerVar + " of " + service + " names a Service on port 80");
                }
            }
            assertTrue(values.get("OIDC_URL").startsWith("http://keycloak-service:8080/realms/"),
                    overlay + ": " + service + " reaches Keycloak inside the namespace");
        }
    }

    // ---------------------------------------------------------------- companions

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasItsServiceAccountServicePdbHpaAndServiceMonitor(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = r.get("Deployment", service);
            Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            int replicas = deployment.path("spec").path("replicas").asInt(1);

            JsonNode account = r.get("ServiceAccount", deployment.path("spec").path("template").path("spec").path("serviceAccountName").asText());
            assertFalse(account.path("automountServiceAccountToken").asBoolean(true), overlay + ": " + service + "'s account mounts no token");

            JsonNode svc = r.get("Service", service);
            assertTrue(selects(objectOf("matchLabels", svc.path("spec").path("selector")), podLabels), overlay + ": Service selects " + service);
            assertTrue(each(svc.path("spec").path("ports")).anyMatch(p -> "http".equals(p.path("name").asText())
                    && "http".equals(p.path("targetPort").asText())), overlay + ": Service " + service + " targets the http port");

            assertTrue(r.kind("PodDisruptionBudget").anyMatch(p -> selects(p.path("spec").path("selector"), podLabels)),
                    overlay + ": a PodDisruptionBudget covers " + service);
            JsonNode hpa = r.kind("HorizontalPodAutoscaler")
                    .filter(h -> service.equals(h.path("spec").path("scaleTargetRef").path("name").asText())
                            && "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText()))
                    .findFirst().orElseGet(() -> fail(overlay + ": an HPA scales " + service));
            assertEquals(replicas, hpa.path("spec").path("minReplicas").asInt(), overlay + ": HPA minimum = declared replicas of " + service);
            assertTrue(hpa.path("spec").path("maxReplicas").asInt() > replicas, overlay + ": " + service + " can scale out");

            Map<String, String> svcLabels = labels(svc.path("metadata").path("labels"));
            assertTrue(r.kind("ServiceMonitor").anyMatch(m -> selects(m.path("spec").path("selector"), svcLabels)
                            && each(m.path("spec").path("endpoints")).anyMatch(e -> "http".equals(e.path("port").asText())
                            && "/q/metrics".equals(e.path("path").asText()))),
                    overlay + ": a ServiceMonitor scrapes /q/metrics of " + service);
        }
    }

    private static JsonNode objectOf(String field, JsonNode value) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.set(field, value);
        return node;
    }

    // ---------------------------------------------------------------- overlays

    @Test
    void devRunsOneReplicaOfEach() {
        Rendered r = Rendered.of("dev");
        for (String service : SERVICES) {
            assertEquals(1, r.get("Deployment", service).path("spec").path("replicas").asInt(), "dev: one " + service);
        }
        r.kind("Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt(), "dev: one instance of " + name(c)));
        assertEquals(1, r.get("Keycloak", "keycloak").path("spec").path("instances").asInt());
    }

    @Test
    void prodIsHighlyAvailableObservableAndServedOverTls() {
        Rendered r = Rendered.of("prod");
        for (String service : SERVICES) {
            JsonNode deployment = r.get("Deployment", service);
            assertEquals(3, deployment.path("spec").path("replicas").asInt(), "prod: three " + service);
            JsonNode anti = deployment.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity");
            Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            boolean spreadOverNodes = each(anti.path("preferredDuringSchedulingIgnoredDuringExecution")).map(t -> t.path("podAffinityTerm"))
                    .anyMatch(t -> "kubernetes.io/hostname".equals(t.path("topologyKey").asText()) && selects(t.path("labelSelector"), podLabels))
                    || each(anti.path("requiredDuringSchedulingIgnoredDuringExecution"))
                    .anyMatch(t -> "kubernetes.io/hostname".equals(t.path("topologyKey").asText()) && selects(t.path("labelSelector"), podLabels));
            assertTrue(spreadOverNodes, "prod: " + service + " replicas avoid sharing a node");

            JsonNode pdb = r.kind("PodDisruptionBudget").filter(p -> selects(p.path("spec").path("selector"), podLabels)).findFirst().orElseThrow();
            int available = pdb.path("spec").has("minAvailable") ? pdb.path("spec").path("minAvailable").asInt()
                    : 3 - pdb.path("spec").path("maxUnavailable").asInt(3);
            assertTrue(available >= 2, "prod: a drain leaves at least two " + service + " pods");

            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> config = new HashMap<>();
            each(container.path("envFrom")).forEach(f -> r.get("ConfigMap", f.path("configMapRef").path("name").asText())
                    .path("data").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText())));
            assertEquals("true", config.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"), "prod: JSON logs from " + service);
            assertEquals("false", config.get("OTEL_SDK_DISABLED"), "prod: " + service + " exports traces");
            String otlp = config.getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "");
            assertTrue(otlp.startsWith("http"), "prod: an OTLP endpoint for " + service);
            int otlpPort = Integer.parseInt(otlp.replaceFirst(".*:(\\d+).*", "$1"));
            assertTrue(r.kind("NetworkPolicy").filter(p -> selects(p.path("spec").path("podSelector"), podLabels))
                            .flatMap(p -> each(p.path("spec").path("egress"))).flatMap(rule -> each(rule.path("ports")))
                            .anyMatch(port -> port.path("port").asInt() == otlpPort),
                    "prod: " + service + " may reach the OTLP collector on " + otlpPort);
        }

        List<JsonNode> ingresses = r.kind("Ingress").toList();
        Set<String> routed = new TreeSet<>();
        for (JsonNode ingress : ingresses) {
            Set<String> tlsHosts = each(ingress.path("spec").path("tls")).flatMap(t -> each(t.path("hosts")))
                    .map(JsonNode::asText).collect(Collectors.toSet());
            for (JsonNode rule : (Iterable<JsonNode>) each(ingress.path("spec").path("rules"))::iterator) {
                assertTrue(tlsHosts.contains(rule.path("host").asText()), "prod: " + rule.path("host").asText() + " is served over TLS");
                each(rule.path("http").path("paths")).forEach(path -> {
                    String p = path.path("path").asText();
                    boolean consoleStartPage = p.equals("/") && "Exact".equals(path.path("pathType").asText())
                            && CONSOLE.equals(path.path("backend").path("service").path("name").asText());
                    assertFalse((p.equals("/") && !consoleStartPage) || p.startsWith("/internal") || p.startsWith("/q")
                            || p.startsWith("/admin"), "prod: the ingress does not expose " + p);
                    String backend = path.path("backend").path("service").path("name").asText();
                    assertTrue(r.find("Service", backend).isPresent() || backend.equals("keycloak-service"),
                            "prod: ingress backend " + backend + " exists");
                    routed.add(backend);
                });
            }
        }
        assertTrue(routed.containsAll(SERVICES), "prod: every service's public API is routed: " + routed);
        assertTrue(routed.contains(CONSOLE), "prod: the console is routed: " + routed);

        for (JsonNode cluster : r.kind("Cluster").toList()) {
            assertEquals(3, cluster.path("spec").path("instances").asInt(), "prod: three instances of " + name(cluster));
            JsonNode archiver = each(cluster.path("spec").path("plugins"))
                    .filter(p -> p.path("isWALArchiver").asBoolean(false)).findFirst()
                    .orElseGet(() -> fail("prod: " + name(cluster) + " archives its WAL"));
            assertEquals("barman-cloud.cloudnative-pg.io", archiver.path("name").asText());
            JsonNode store = r.get("ObjectStore", archiver.path("parameters").path("barmanObjectName").asText());
            assertFalse(store.path("spec").path("retentionPolicy").asText().isEmpty(), "prod: a retention policy for " + name(store));
            assertTrue(r.kind("ScheduledBackup").anyMatch(b -> name(cluster).equals(b.path("spec").path("cluster").path("name").asText())
                            && "plugin".equals(b.path("spec").path("method").asText())),
                    "prod: scheduled base backups of " + name(cluster));
        }
        assertEquals(3, r.get("Keycloak", "keycloak").path("spec").path("instances").asInt(), "prod: three Keycloak instances");
    }

    // ---------------------------------------------------------------- data stores and identity

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void oneDatabaseClusterPerServiceAndOneForKeycloak(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> expected = new TreeSet<>(DATABASE.values());
        expected.add("keycloak-db");
        assertEquals(expected, r.kind("Cluster").map(Rendered::name).collect(Collectors.toCollection(TreeSet::new)));
        JsonNode keycloakDb = r.get("Keycloak", "keycloak").path("spec").path("db");
        assertEquals("keycloak-db-rw", keycloakDb.path("host").asText());
        assertEquals("keycloak-db-app", keycloakDb.path("passwordSecret").path("name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheProjectsRealmWithoutItsDevSecretsOrDemoUsers(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        Path realmFile = Path.of(System.getProperty("realm.file", "../../keycloak/steward-realm.json"));
        assertTrue(Files.exists(realmFile), "the realm the project uses is at " + realmFile);
        ObjectMapper json = new ObjectMapper();
        ObjectNode source = (ObjectNode) json.readTree(realmFile.toFile());

        List<JsonNode> imports = r.kind("KeycloakRealmImport").toList();
        assertEquals(1, imports.size(), overlay + ": one realm import");
        JsonNode spec = imports.get(0).path("spec");
        assertEquals(name(r.kind("Keycloak").findFirst().orElseThrow()), spec.path("keycloakCRName").asText());
        ObjectNode imported = (ObjectNode) spec.path("realm").deepCopy();

        // What the cluster realm must NOT carry from the development realm.
        List<String> problems = new ArrayList<>();
        each(imported.path("users")).forEach(u -> {
            if (u.path("credentials").size() > 0) {
                problems.add("user " + u.path("username").asText() + " is imported with credentials");
            }
        });
        if (imported.path("passwordPolicy").asText().contains("hashIterations(1)")) {
            problems.add("the test password hashing policy is imported");
        }
        for (JsonNode client : (Iterable<JsonNode>) each(imported.path("clients"))::iterator) {
            String secret = client.path("secret").asText("");
            if (secret.isEmpty()) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(secret);
            if (!m.matches()) {
                problems.add("client " + client.path("clientId").asText() + " has a literal secret");
                continue;
            }
            JsonNode ref = spec.path("placeholders").path(m.group(1)).path("secret");
            if (!"steward-oidc-clients".equals(ref.path("name").asText()) || !client.path("clientId").asText().equals(ref.path("key").asText())) {
                problems.add("placeholder " + m.group(1) + " is not filled from steward-oidc-clients/" + client.path("clientId").asText());
            }
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add("client " + client.path("clientId").asText() + " allows the password grant");
            }
        }
        each(imported.path("clients")).filter(c -> "portal".equals(c.path("clientId").asText()))
                .filter(c -> c.path("directAccessGrantsEnabled").asBoolean(false))
                .forEach(c -> problems.add("the portal allows the password grant"));
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));

        // Everything else is the project's realm, unchanged: roles, clients, audience mappers, scopes.
        ObjectNode expected = source.deepCopy();
        ArrayNode serviceAccounts = json.createArrayNode();
        each(expected.path("users")).filter(u -> u.path("username").asText().startsWith("service-account-")).forEach(serviceAccounts::add);
        expected.set("users", serviceAccounts);
        for (ObjectNode realm : List.of(expected, imported)) {
            realm.remove(List.of("passwordPolicy", "displayName"));
            ((ObjectNode) realm.path("attributes")).remove("_comment");
            each(realm.path("clients")).forEach(c -> {
                ObjectNode client = (ObjectNode) c;
                if (client.hasNonNull("secret")) {
                    client.put("secret", "<from a Secret>");
                }
                if ("portal".equals(client.path("clientId").asText())) {
                    client.remove(List.of("directAccessGrantsEnabled", "redirectUris", "webOrigins"));
                }
                if ("console".equals(client.path("clientId").asText())) {
                    client.remove("redirectUris"); // the cluster's public console URL, not 127.0.0.1:8094
                }
            });
        }
        if (!expected.equals(imported)) {
            Set<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            imported.fieldNames().forEachRemaining(fields::add);
            fail(overlay + ": deploy/k8s/base/keycloak/realm-import.yaml is out of date with deploy/keycloak/steward-realm.json"
                    + " (differs in " + fields.stream().filter(f -> !expected.path(f).equals(imported.path(f))).toList()
                    + "): run deploy/k8s/base/keycloak/generate-realm-import.sh");
        }

        for (String service : SERVICES) {
            assertTrue(each(imported.path("clients")).anyMatch(c -> service.equals(c.path("clientId").asText())
                            && !c.path("publicClient").asBoolean(true) && c.path("serviceAccountsEnabled").asBoolean(false)),
                    overlay + ": the realm has a confidential client-credentials client for " + service);
        }
    }

    // ---------------------------------------------------------------- the console

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theConsoleHasNoDatabaseAndReachesOnlyTheThreeServicesAndKeycloak(String overlay) {
        Rendered r = Rendered.of(overlay);
        JsonNode deployment = r.get("Deployment", CONSOLE);
        Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
        List<JsonNode> mine = r.kind("NetworkPolicy").filter(p -> !Rendered.isEmptySelector(p.path("spec").path("podSelector")))
                .filter(p -> selects(p.path("spec").path("podSelector"), podLabels)).toList();
        assertTrue(mine.stream().anyMatch(p -> types(p).containsAll(Set.of("Ingress", "Egress"))),
                overlay + ": a NetworkPolicy of its own governs the console both ways");
        Set<String> reached = new TreeSet<>();
        mine.stream().flatMap(p -> each(p.path("spec").path("egress"))).flatMap(rule -> each(rule.path("to"))).forEach(peer -> {
            assertFalse(peer.has("ipBlock") || peer.has("namespaceSelector"), overlay + ": the console reaches no other place: " + peer);
            JsonNode labels = peer.path("podSelector").path("matchLabels");
            reached.add(labels.has("app") ? labels.path("app").asText() : labels.path("app.kubernetes.io/name").asText("?"));
        });
        assertEquals(new TreeSet<>(Set.of("account-service", "request-service", "disclosure-service", "keycloak")), reached,
                overlay + ": egress of the console");
        JsonNode keycloak = r.get("NetworkPolicy", "keycloak");
        assertTrue(each(keycloak.path("spec").path("ingress")).flatMap(rule -> each(rule.path("from")))
                        .anyMatch(peer -> CONSOLE.equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())),
                overlay + ": Keycloak admits the console (code exchange, keys)");

        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> secretRefs = new HashMap<>();
        each(container.path("env")).forEach(e -> secretRefs.put(e.path("name").asText(),
                e.path("valueFrom").path("secretKeyRef").path("name").asText() + "/" + e.path("valueFrom").path("secretKeyRef").path("key").asText()));
        assertEquals("steward-oidc-clients/console", secretRefs.get("OIDC_CLIENT_SECRET"), overlay);
        assertEquals("console-keys/session-secret", secretRefs.get("CONSOLE_SESSION_SECRET"), overlay);
        assertEquals("console-keys/state-secret", secretRefs.get("CONSOLE_STATE_SECRET"), overlay);
        assertTrue(each(container.path("volumeMounts")).noneMatch(m -> m.path("mountPath").asText().contains("db")),
                overlay + ": the console mounts no database certificate: it has no database");
        assertEquals(overlay.equals("prod") ? 3 : 1, deployment.path("spec").path("replicas").asInt(), overlay + ": console replicas");
    }
}
