package org.guangsha.webtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP calls to the running distribution (java.net.http, JSON through Jackson): to prepare
 * data for a page and to check what a page did. Paths are absolute ({@code /api/...}); a token,
 * where given, is sent as {@code Authorization: Bearer}.
 */
public final class Rest {

    /** Jackson, for bodies and answers. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Password of every demo account the sandbox seeds. */
    public static final String DEMO_PASSWORD = "Demo@2026";

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Rest(URI base) {
        this.base = base;
    }

    /** {@code base + path}. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** {@code GET path}. */
    public HttpResponse<String> get(String path) {
        return get(path, null);
    }

    /** {@code GET path} as the holder of {@code token} (null: anonymous). */
    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** {@code POST path} with {@code body} as JSON (a Map, a record, a JsonNode or a String). */
    public HttpResponse<String> post(String path, Object body) {
        return post(path, body, null);
    }

    /** {@code POST path} with {@code body} as JSON, as the holder of {@code token}. */
    public HttpResponse<String> post(String path, Object body, String token) {
        return send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        toJson(body), StandardCharsets.UTF_8)));
    }

    /** {@code GET path}, which must answer 200, as JSON. */
    public JsonNode getJson(String path) {
        return json(expect(200, get(path)));
    }

    /** Status of {@code GET path}, or -1 when the server does not answer. */
    public int status(String path) {
        try {
            return http.send(
                            request(path, null).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The body of {@code response} as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(
                    "Not JSON: " + response.request().uri() + " answered " + response.body(), e);
        }
    }

    /** {@code response}, after checking its status; the failure shows the body. */
    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    response.request().method()
                            + " "
                            + response.request().uri()
                            + ": expected "
                            + status
                            + " but was "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return response;
    }

    /** A captcha and its answer, read from the sandbox: {@code {captchaId, captchaAnswer}}. */
    public Map<String, String> captcha() {
        String id = getJson("/api/identity/captcha").path("id").asText();
        String answer = getJson("/api/sandbox/captcha/" + id).path("answer").asText();
        return Map.of("captchaId", id, "captchaAnswer", answer);
    }

    /**
     * Logs in (account: mobile, ID number or staff user name) through {@code POST
     * /api/identity/login} with a sandbox captcha; returns the bearer token.
     */
    public String login(String account, String password) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("account", account);
        body.put("password", password);
        body.putAll(captcha());
        return json(expect(200, post("/api/identity/login", body))).path("token").asText();
    }

    /**
     * Like {@link #login}, but waits (up to a minute) until the account exists: the sandbox seeds
     * the demo accounts in the background a few seconds after the start.
     */
    public String awaitLogin(String account, String password) {
        String[] token = new String[1];
        Await.until(
                account + " can log in",
                Duration.ofMinutes(1),
                () -> {
                    // Refused only while the account does not exist yet: failures are counted
                    // against an existing account (lockout), so a wrong password would fail fast.
                    try {
                        token[0] = login(account, password);
                        return true;
                    } catch (AssertionError notYet) {
                        return false;
                    }
                });
        return token[0];
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
