package org.voxproof.app.demo;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's HTTP client: plain {@code java.net.http} against the server's base URL, a bearer
 * secret per request, bodies as bytes. Nothing here knows VoxProof beyond the wire format.
 */
final class DemoHttp {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  DemoHttp(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** An answer: status, headers, body. */
  record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object, or an empty object when it is not one. */
    JsonObject json() {
      try {
        return new JsonObject(text());
      } catch (DecodeException | ClassCastException e) {
        return new JsonObject();
      }
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** "201" or "422 consent_refused [phrase_mismatch]": the status and a problem's reasons. */
    String summary() {
      JsonObject j = json();
      StringBuilder s = new StringBuilder(Integer.toString(status));
      String type = j.getString("type", "");
      if (!type.isEmpty()) {
        s.append(' ').append(type.substring(type.lastIndexOf('/') + 1));
      }
      if (j.getJsonArray("reasons") != null) {
        s.append(' ').append(j.getJsonArray("reasons").encode());
      }
      return s.toString();
    }
  }

  Reply send(String method, String path, String bearer, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers(), r.body());
  }

  Reply json(String method, String path, String bearer, JsonObject body)
      throws IOException, InterruptedException {
    return send(
        method,
        path,
        bearer,
        body == null ? null : "application/json",
        body == null ? null : body.encode().getBytes(StandardCharsets.UTF_8));
  }
}
