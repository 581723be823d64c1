package org.voxproof.app.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code voxproof detect --server URL}: each file is POSTed raw to {@code /v1/detect}; a 429 is
 * retried after its {@code Retry-After}. The server's JSON is printed as it came, with {@code
 * file}.
 */
final class DetectRemote implements DetectCommand.Examiner {
  private static final int RETRIES = 5;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String key;

  DetectRemote(String server, String key) {
    this.endpoint = URI.create(server.replaceAll("/+$", "") + "/v1/detect");
    this.key = key;
  }

  @Override
  public DetectCommand.Outcome examine(Path file) {
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429 && attempt < RETRIES) {
          long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
          Thread.sleep(Math.min(60, Math.max(1, wait)) * 1000);
          continue;
        }
        return outcome(file, r);
      }
    } catch (IOException e) {
      return DetectCommand.failed(file, "unreachable", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DetectCommand.failed(file, "interrupted", "interrupted");
    }
  }

  private static DetectCommand.Outcome outcome(Path file, HttpResponse<String> r) {
    JsonObject body;
    try {
      body = new JsonObject(r.body());
    } catch (DecodeException e) {
      return DetectCommand.failed(file, "bad_response", "HTTP " + r.statusCode());
    }
    if (r.statusCode() != 200) {
      String type = body.getString("type", "");
      String reason = type.substring(type.lastIndexOf('/') + 1);
      return DetectCommand.failed(file, reason, body.getString("detail", "HTTP " + r.statusCode()));
    }
    JsonObject j = new JsonObject().put("file", file.toString()).mergeIn(body);
    return new DetectCommand.Outcome(
        j, !"no-provenance-found".equals(body.getString("verdict")), false);
  }
}
