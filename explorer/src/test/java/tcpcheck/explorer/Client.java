package tcpcheck.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A client of a running explorer for the tests: requests as a browser on the same machine makes them. */
final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    final URI base;

    Client(URI base) {
        this.base = base;
    }

    record Answer(int status, JsonNode json, String body, HttpResponse<String> response) {
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    Answer post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Answer send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode j = res.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    ? JSON.readTree(res.body()) : null;
            return new Answer(res.statusCode(), j, res.body(), res);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON answer of a request that must succeed. */
    JsonNode ok(String pathAndQuery) {
        Answer a = get(pathAndQuery);
        if (a.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    /** The folder of stored counterexamples, at the repository's root. */
    static Path counterexamples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("counterexamples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no counterexamples/ folder above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("counterexamples");
    }

    static String read(String name) {
        try {
            return Files.readString(counterexamples().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of an endpoint's field ("A", "state") in a state view. */
    static String field(JsonNode view, String endpoint, String key) {
        return fieldNode(view, endpoint, key).get("value").asText();
    }

    static boolean changed(JsonNode view, String endpoint, String key) {
        return fieldNode(view, endpoint, key).get("changed").asBoolean();
    }

    private static JsonNode fieldNode(JsonNode view, String endpoint, String key) {
        for (JsonNode e : view.get("endpoints")) {
            for (JsonNode f : e.get("fields")) {
                if (e.get("name").asText().equals(endpoint) && f.get("key").asText().equals(key)) {
                    return f;
                }
            }
        }
        throw new AssertionError("no field " + endpoint + "." + key);
    }

    static JsonNode property(JsonNode view, String name) {
        for (JsonNode p : view.get("properties")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no property " + name);
    }
}
