package dev.steward.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the launcher reads from deploy/keycloak/steward-realm.json: the dev client secrets and the demo users. */
public final class Realm {

    public static final String PORTAL = "portal";
    public static final String CONSOLE = "console";
    /** The demo users' password (dev realm only). */
    public static final String DEMO_PASSWORD = "demo";

    private final Path file;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> userRoles = new LinkedHashMap<>();

    private Realm(Path file) {
        this.file = file;
    }

    public static Realm read(Path file) {
        Realm realm = new Realm(file);
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            for (JsonNode client : json.path("clients")) {
                if (client.hasNonNull("secret")) {
                    realm.secrets.put(client.get("clientId").asText(), client.get("secret").asText());
                }
            }
            for (JsonNode user : json.path("users")) {
                if (!user.has("serviceAccountClientId")) {
                    realm.userRoles.put(user.get("username").asText(), user.path("realmRoles").path(0).asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the realm file " + file, e);
        }
        return realm;
    }

    public Path file() {
        return file;
    }

    /**
     * The realm file Keycloak imports when the console listens on {@code consolePort}: the project's
     * file itself for the documented port 8094, else a copy (in {@code dir}) whose console client
     * redirects to that port instead (the end-to-end run uses free ports).
     */
    public Path forConsoleAt(int consolePort, Path dir) {
        if (consolePort == 8094) {
            return file;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode realm = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
            for (JsonNode client : realm.path("clients")) {
                if (CONSOLE.equals(client.path("clientId").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) client).putArray("redirectUris")
                            .add("http://127.0.0.1:" + consolePort + "/*");
                }
            }
            java.nio.file.Files.createDirectories(dir);
            Path copy = dir.resolve("steward-realm.json");
            json.writerWithDefaultPrettyPrinter().writeValue(copy.toFile(), realm);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the realm for console port " + consolePort, e);
        }
    }

    public String secret(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("No confidential client " + clientId + " in " + file);
        }
        return secret;
    }

    /** Demo user name → its (first) realm role. */
    public Map<String, String> users() {
        return userRoles;
    }
}
