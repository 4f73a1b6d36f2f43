package dev.steward.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For every GET operation of a service's OpenAPI document, the query values that must be refused
 * with a 400 naming the parameter: text, a fraction and an overflowing number for an integer, a NUL
 * for any text parameter, a cursor that decodes to a NUL (on lists that have no parent to look up).
 */
final class HostileQueries {

    record Case(String url, String parameter, String what) {
        @Override
        public String toString() {
            return "GET " + url + " (" + parameter + " = " + what + ")";
        }
    }

    private HostileQueries() {
    }

    static List<Case> from(String openApiJson) {
        List<Case> cases = new ArrayList<>();
        try {
            JsonNode document = new ObjectMapper().readTree(openApiJson);
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                JsonNode get = path.getValue().path("get");
                if (get.isMissingNode()) {
                    continue;
                }
                String base = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (JsonNode p : get.path("parameters")) {
                    if (!"query".equals(p.path("in").asText())) {
                        continue;
                    }
                    String name = p.path("name").asText();
                    String type = p.path("schema").path("type").asText();
                    String url = base + "?" + name + "=";
                    if (type.equals("integer")) {
                        cases.add(new Case(url + "abc", name, "text for an integer"));
                        cases.add(new Case(url + "1.5", name, "a fraction for an integer"));
                        cases.add(new Case(url + "1000000000000000000000", name, "an overflowing integer"));
                    } else if (type.equals("string") && !p.path("schema").has("enum")) {
                        cases.add(new Case(url + "a%00b", name, "a NUL character"));
                    }
                    if (name.equals("cursor") && !path.getKey().contains("{")) {
                        // (under a parent that does not exist, 404 rightly comes before the cursor is read)
                        cases.add(new Case(url + "YQBi", name, "a cursor that decodes to a NUL"));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }
}
