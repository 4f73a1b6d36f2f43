package dev.steward.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests from a service's own OpenAPI document: every operation, with path, query and
 * body values that are mostly plausible and often hostile (wrong types, missing and extra fields,
 * NUL, unpaired surrogates, card numbers, huge strings and numbers, broken escapes, deep nesting,
 * bad cursors, other content types and Accept headers, odd tokens and Idempotency-Keys). The same
 * seed gives the same requests, so a failure can be replayed.
 */
final class OpenApiFuzz {

    /** One generated request; {@link #curl} prints it so that it can be sent again by hand. */
    record Request(int index, String operation, String method, String url, Map<String, String> headers, String body) {
        String curl() {
            StringBuilder sb = new StringBuilder("curl -i -X ").append(method.toUpperCase()).append(" '$BASE").append(url).append('\'');
            headers.forEach((k, v) -> sb.append(" -H '").append(k).append(": ")
                    .append(k.equals("Authorization") ? "Bearer $TOKEN" : v).append('\''));
            if (body != null) {
                String shown = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
                sb.append(" --data-raw '").append(shown.replace("'", "'\\''")).append('\'');
            }
            return sb.toString();
        }
    }

    private record Operation(String method, String template, List<JsonNode> parameters, JsonNode body) {
    }

    private static final String[] HOSTILE_TEXT = {
        "", " ", "a\u0000b", "\ud800", "4111 1111 1111 1111", "'; drop table x; --", "../../etc/passwd",
        "\u202eevil", "😀", "null", "true", "-1", "1e400", "x".repeat(5000), "<script>alert(1)</script>", "%00",
    };
    private static final String[] HOSTILE_PATH = {
        "%00", "%", "%zz", "a%2Fb", "..", "%ED%A0%80", "%F0%9F%98%80", "-1", "99999999999999999999", "1.5",
        "x".repeat(300), "%20", "YQBi", "%C0%AE",
    };
    private static final String[] HOSTILE_QUERY = {
        "abc", "1.5", "-1", "0", "1e400", "99999999999999999999", "%00", "%", "", "%ED%A0%80", "YQBi", "!!!",
        "true", "x".repeat(2000), "%F0%9F%98%80", "2026-13-45", "a%26b%3Dc",
    };
    private static final String[] CONTENT_TYPES = {
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1",
        "multipart/form-data; boundary=x", "garbage",
    };
    private static final String[] ACCEPTS = {"text/html", "application/xml", "*/*;q=x", "garbage", "text/csv"};

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Random random;
    private final List<String> tokens;
    private final ObjectMapper json = new ObjectMapper();
    private int index;

    OpenApiFuzz(String openApiJson, long seed, List<String> tokens) {
        try {
            this.document = json.readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        this.random = new Random(seed);
        this.tokens = tokens;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getKey().matches("get|post|put|patch|delete")) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.getValue().path("parameters").forEach(parameters::add);
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(op.getKey(), path.getKey(), parameters, body.isMissingNode() ? null : body));
            }
        }
    }

    int operationCount() {
        return operations.size();
    }

    /** Whether {@code status} is among the responses documented for {@code operation} ("POST /path"), ranges included. */
    boolean documents(String operation, int status) {
        String[] parts = operation.split(" ", 2);
        JsonNode responses = document.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("responses");
        return responses.has(Integer.toString(status)) || responses.has(status / 100 + "XX") || responses.has("default");
    }

    Request next() {
        Operation op = operations.get(random.nextInt(operations.size()));
        String path = op.template();
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            switch (p.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", chance(0.6) ? encode(plausible(schema)) : pick(HOSTILE_PATH));
                case "query" -> {
                    if (chance(0.5)) {
                        query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                                .append(chance(0.5) ? encode(plausible(schema)) : pick(HOSTILE_QUERY));
                    }
                }
                default -> {
                }
            }
        }
        if (chance(0.1)) {
            query.append(query.isEmpty() ? '?' : '&').append(chance(0.5) ? "zzz=1" : "limit=1&limit=2");
        }
        path = path.replaceAll("\\{[^}]+}", "acme");
        Map<String, String> headers = new LinkedHashMap<>();
        double who = random.nextDouble();
        if (who < 0.85) {
            headers.put("Authorization", "Bearer " + pick(tokens.toArray(String[]::new)));
        } else if (who < 0.92) {
            headers.put("Authorization", "Bearer not.a.token");
        }
        if (chance(0.1)) {
            headers.put("Accept", pick(ACCEPTS));
        }
        String body = null;
        if (op.body() != null || chance(0.05)) {
            body = body(op.body());
            headers.put("Content-Type", chance(0.88) ? "application/json" : pick(CONTENT_TYPES));
        }
        if (op.method().equals("post") && chance(0.15)) {
            headers.put("Idempotency-Key", chance(0.6) ? "k-" + random.nextInt(50) : pick(new String[] {" ", "k".repeat(300), "ключ"}));
        }
        return new Request(index++, op.method().toUpperCase() + " " + op.template(), op.method(), path + query, headers, body);
    }

    private String body(JsonNode schema) {
        double mode = random.nextDouble();
        if (schema == null || mode < 0.04) {
            return pick(new String[] {"", "{", "<a/>", "[]", "\"x\"", "1", "null", "{\"a\":1,}", "\u0000"});
        }
        if (mode < 0.06) {
            return "[".repeat(3000) + "]".repeat(3000);
        }
        try {
            return json.writeValueAsString(generate(resolve(schema), 0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value for {@code schema}; each leaf has a one-in-ten chance of being something hostile instead. */
    private Object generate(JsonNode schema, int depth) {
        if (chance(0.1) || depth > 6) {
            return hostileValue();
        }
        String type = schema.path("type").asText();
        if (schema.has("properties") || "object".equals(type)) {
            Map<String, Object> out = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                if (chance(required.contains(prop.getKey()) ? 0.95 : 0.7)) {
                    out.put(prop.getKey(), generate(resolve(prop.getValue()), depth + 1));
                }
            }
            if (schema.path("additionalProperties").isObject() && chance(0.7)) {
                out.put("k" + random.nextInt(5), generate(resolve(schema.path("additionalProperties")), depth + 1));
            }
            if (chance(0.05)) {
                out.put("unexpected", 1);
            }
            return out;
        }
        if ("array".equals(type)) {
            List<Object> out = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                out.add(generate(resolve(schema.path("items")), depth + 1));
            }
            return out;
        }
        return plausibleValue(schema);
    }

    private Object plausibleValue(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "integer" -> random.nextInt(1000);
            case "number" -> random.nextDouble() * 1000;
            case "boolean" -> random.nextBoolean();
            default -> plausible(schema);
        };
    }

    private String plausible(JsonNode schema) {
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().minusSeconds(random.nextInt(1_000_000)).toString();
            case "date" -> LocalDate.now().minusDays(random.nextInt(2000)).toString();
            case "email" -> "fuzz" + random.nextInt(100) + "@example.com";
            default -> switch (schema.path("type").asText()) {
                case "integer" -> Integer.toString(random.nextInt(100));
                case "number" -> Double.toString(random.nextDouble());
                case "boolean" -> Boolean.toString(random.nextBoolean());
                default -> pick(new String[] {"acme", "steward", "alice", "DE", "US", "a-b_c", "Acme Ltd", "2026-01-01"});
            };
        };
    }

    private Object hostileValue() {
        return switch (random.nextInt(9)) {
            case 0 -> pick(HOSTILE_TEXT);
            case 1 -> new java.math.BigDecimal("1e400");
            case 2 -> Long.MIN_VALUE;
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> List.of("x");
            case 6 -> Map.of("x", "y");
            case 7 -> 12.5;
            default -> "x".repeat(100_000);
        };
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Follows $ref and takes the first of oneOf/anyOf and allOf, as SmallRye OpenAPI writes them. */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return resolve(document.at(schema.path("$ref").asText().substring(1)));
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combinator) && !schema.path(combinator).isEmpty()) {
                return resolve(schema.path(combinator).get(0));
            }
        }
        return schema;
    }
}
