package dev.steward.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** One overlay as `kubectl kustomize` renders it, with the look-ups the checks need. */
final class Rendered {

    static final Path K8S_DIR = Path.of(System.getProperty("k8s.dir", "..")).toAbsolutePath().normalize();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();

    final String overlay;
    final List<JsonNode> docs;

    private Rendered(String overlay, List<JsonNode> docs) {
        this.overlay = overlay;
        this.docs = docs;
    }

    /** Whether `kubectl` can be run here (the one reason the manifest checks may be skipped). */
    static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Rendered of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::render);
    }

    private static Rendered render(String overlay) {
        Path dir = K8S_DIR.resolve("overlays").resolve(overlay);
        try {
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "):\n" + stderr);
            }
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && doc.isObject() && doc.has("kind")) {
                        docs.add(doc);
                    }
                }
            }
            return new Rendered(overlay, List.copyOf(docs));
        } catch (IOException e) {
            throw new IllegalStateException("Could not render " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Stream<JsonNode> kind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return kind(kind).filter(d -> name.equals(name(d))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail(overlay + ": no " + kind + " named " + name));
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    /** Every workload's pod spec, keyed "Kind/name". */
    Map<String, JsonNode> podSpecs() {
        Map<String, JsonNode> specs = new java.util.TreeMap<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            JsonNode spec = switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> d.path("spec").path("template").path("spec");
                case "CronJob" -> d.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
                case "Pod" -> d.path("spec");
                default -> null;
            };
            if (spec != null) {
                specs.put(kind + "/" + name(d), spec);
            }
        }
        return specs;
    }

    static Stream<JsonNode> each(JsonNode array) {
        return array == null || !array.isArray() ? Stream.empty() : StreamSupport.stream(array.spliterator(), false);
    }

    static Map<String, String> labels(JsonNode labelsNode) {
        Map<String, String> labels = new java.util.HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = labelsNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    /** Whether a Kubernetes label selector (matchLabels + matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : (Iterable<JsonNode>) each(selector.path("matchExpressions"))::iterator) {
            String key = expr.path("key").asText();
            List<String> values = each(expr.path("values")).map(JsonNode::asText).collect(Collectors.toList());
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmptySelector(JsonNode selector) {
        return selector.path("matchLabels").size() == 0 && selector.path("matchExpressions").size() == 0;
    }

    static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }
}
