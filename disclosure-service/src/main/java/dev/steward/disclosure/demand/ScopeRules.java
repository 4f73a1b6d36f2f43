package dev.steward.disclosure.demand;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scope rule table ({@link LegalSettings#covers()}): which categories a process type covers. */
@ApplicationScoped
public class ScopeRules {

    private final LegalSettings settings;

    public ScopeRules(LegalSettings settings) {
        this.settings = settings;
    }

    public boolean covers(ProcessType type, String category) {
        for (String prefix : settings.covers().getOrDefault(type.name(), List.of())) {
            if (prefix.equals("*") || category.equals(prefix) || category.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    public boolean content(String category) {
        return settings.contentCategories().stream().anyMatch(p -> category.equals(p) || category.startsWith(p + "."));
    }

    /** The table as configured, for GET /legal-demands/scope-rules. */
    public Map<String, List<String>> table() {
        Map<String, List<String>> out = new TreeMap<>();
        for (ProcessType t : ProcessType.values()) {
            out.put(t.name(), settings.covers().getOrDefault(t.name(), List.of()).stream()
                    .filter(p -> !p.equals("none")).toList());
        }
        return out;
    }
}
