package dev.steward.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Reads a service's OpenAPI document and derives, for every field of every JSON request body, the
 * bodies that must be refused: a loose type for a typed field ("12" or 12.5 for an integer, "true"
 * or 0 for a boolean, an enum by position, a number for a timestamp) and, for every free-text
 * field, a payment-card number, a NUL and an unpaired surrogate. Each body holds that one field
 * only, nested where the schema nests it.
 */
final class HostileBodies {

    /** One request the service must refuse with {@code status}, naming {@code field}. */
    record Case(String method, String path, String body, int status, String field, String what) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " " + field + " = " + what;
        }
    }

    static final String CARD = "\"4111 1111 1111 1111\"";

    private final JsonNode document;
    private final List<Case> cases = new ArrayList<>();

    private HostileBodies(JsonNode document) {
        this.document = document;
    }

    static List<Case> from(String openApiJson) {
        try {
            HostileBodies walker = new HostileBodies(new ObjectMapper().readTree(openApiJson));
            walker.walkOperations();
            return walker.cases;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void walkOperations() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    String concrete = concretePath(path.getKey(), op.getValue().path("parameters"));
                    walk(resolve(schema), "", v -> v, op.getKey(), concrete);
                }
            }
        }
    }

    /** Fills path templates: a UUID where the parameter is one, otherwise a plain word. */
    private String concretePath(String template, JsonNode parameters) {
        String path = template;
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asText())) {
                JsonNode s = resolve(p.path("schema"));
                String value = "uuid".equals(s.path("format").asText()) ? UUID.randomUUID().toString()
                        : s.path("type").asText().matches("integer|number") ? "1"
                        : s.has("enum") ? s.path("enum").get(0).asText() : "acme";
                path = path.replace("{" + p.path("name").asText() + "}", value);
            }
        }
        return path.replaceAll("\\{[^}]+}", "acme");
    }

    private void walk(JsonNode schema, String field, UnaryOperator<String> nest, String method, String path) {
        String type = schema.path("type").asText();
        if (schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                String name = prop.getKey();
                walk(resolve(prop.getValue()), field.isEmpty() ? name : field + "." + name,
                        v -> nest.apply("{\"" + name + "\":" + v + "}"), method, path);
            }
            if (schema.path("additionalProperties").isObject()) {
                walk(resolve(schema.path("additionalProperties")), field.isEmpty() ? "k" : field + ".k",
                        v -> nest.apply("{\"k\":" + v + "}"), method, path);
            }
            return;
        }
        if ("object".equals(type) && schema.path("additionalProperties").isObject()) {
            walk(resolve(schema.path("additionalProperties")), field.isEmpty() ? "k" : field + ".k",
                    v -> nest.apply("{\"k\":" + v + "}"), method, path);
            return;
        }
        if ("array".equals(type)) {
            walk(resolve(schema.path("items")), field + "[0]", v -> nest.apply("[" + v + "]"), method, path);
            return;
        }
        if (field.isEmpty()) {
            return; // a scalar body (e.g. raw text) is not a JSON document of fields
        }
        switch (type) {
            case "integer" -> {
                add(method, path, nest, "\"12\"", 400, field, "an integer as text");
                add(method, path, nest, "12.5", 400, field, "a fraction for an integer");
            }
            case "number" -> add(method, path, nest, "\"12.5\"", 400, field, "a number as text");
            case "boolean" -> {
                add(method, path, nest, "\"true\"", 400, field, "a boolean as text");
                add(method, path, nest, "0", 400, field, "a number for a boolean");
            }
            case "string" -> {
                String format = schema.path("format").asText();
                if (schema.has("enum")) {
                    add(method, path, nest, "0", 400, field, "an enum by position");
                } else if (format.startsWith("date") || format.equals("duration")) {
                    add(method, path, nest, "12345", 400, field, "a number for a timestamp");
                } else if (!format.equals("uuid") && !format.equals("binary") && !format.equals("byte")) {
                    add(method, path, nest, CARD, 422, field, "a payment-card number");
                    add(method, path, nest, "\"a\\u0000b\"", 400, field, "a NUL character");
                    add(method, path, nest, "\"a\\ud800b\"", 400, field, "an unpaired surrogate");
                    add(method, path, nest, "12", 400, field, "a number for a string");
                }
            }
            default -> {
            }
        }
    }

    private void add(String method, String path, UnaryOperator<String> nest, String value, int status,
            String field, String what) {
        cases.add(new Case(method, path, nest.apply(value), status, field, what));
    }

    /** Follows $ref and merges allOf, as SmallRye OpenAPI writes them. */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return resolve(document.at(ref.substring(1)));
        }
        if (schema.has("allOf")) {
            var merged = new ObjectMapper().createObjectNode();
            for (JsonNode part : schema.path("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("properties") && merged.has("properties")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) merged.get("properties")).setAll(
                                (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
                    } else {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return resolve((schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf")).get(0));
        }
        return schema;
    }
}
