package dev.steward.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations a running service publishes in its OpenAPI document (/q/openapi). */
final class OpenApi {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Operation(String method, String path, String contentType) {

        /** The path with its parameters filled in with plausible values. */
        String concretePath() {
            return path.replace("{org}", "acme").replace("{kind}", "END_USER")
                    .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private OpenApi() {
    }

    static List<Operation> operations(String serviceUrl) {
        String body = given().baseUri(serviceUrl).accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            JsonNode doc = new ObjectMapper().readTree(body);
            List<Operation> ops = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = it.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
                    String contentType = types.hasNext() ? types.next() : null;
                    ops.add(new Operation(op.getKey(), path.getKey(), contentType));
                }
            }
            return ops;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable OpenAPI document of " + serviceUrl, e);
        }
    }
}
