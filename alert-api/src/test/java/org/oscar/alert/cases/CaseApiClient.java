package org.oscar.alert.cases;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The case register's HTTP API as one logged-in user (or the service) calls it. */
final class CaseApiClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  private CaseApiClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  static CaseApiClient service(String base, String token) {
    return new CaseApiClient(base, token);
  }

  static CaseApiClient login(String base, String username) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                            .put("username", username)
                            .put("password", TestUser.PASSWORD)
                            .encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
    }
    return new CaseApiClient(base, new JsonObject(r.body()).getString("token"));
  }

  /** A status and a JSON body. */
  record Answer(int status, JsonObject body) {}

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String path, JsonObject body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** A GET whose answer is not JSON (CSV, SVG): its body, or an exception for a non-200. */
  String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  Answer put(String path, JsonObject body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Answer patch(String path, JsonObject body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** A create with a fresh requestId. */
  Answer create(String path, JsonObject body) throws IOException, InterruptedException {
    return post(path, body.copy().put("requestId", UUID.randomUUID().toString()));
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            b.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    return new Answer(
        r.statusCode(), text == null || text.isBlank() ? new JsonObject() : new JsonObject(text));
  }
}
