package dev.steward.account.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dotted data-category taxonomy shipped as data ({@code taxonomy/data-categories.txt}). */
@ApplicationScoped
public class DataCategories {

    public record Category(String key, boolean sensitive, String description) {
    }

    private final Map<String, Category> categories;

    public DataCategories() {
        Map<String, Category> map = new LinkedHashMap<>();
        try (InputStream in = DataCategories.class.getResourceAsStream("/taxonomy/data-categories.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                String key = parts[0].trim();
                map.put(key, new Category(key, parts[1].trim().equals("sensitive"), parts[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a key under a sensitive key is sensitive too
        map.replaceAll((k, c) -> new Category(k, c.sensitive() || map.keySet().stream()
                .anyMatch(other -> map.get(other).sensitive() && k.startsWith(other + ".")), c.description()));
        this.categories = Collections.unmodifiableMap(map);
    }

    public boolean known(String key) {
        return key != null && categories.containsKey(key);
    }

    public boolean sensitive(String key) {
        Category c = categories.get(key);
        return c != null && c.sensitive();
    }

    public Map<String, Category> all() {
        return categories;
    }
}
