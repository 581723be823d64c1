package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;

/**
 * {@code voxproof serve} mounts the consent API: a licensee key from {@code admin} starts an
 * enrolment, the invitation (resolved by the consent service's own resolver) is redeemed once for
 * an owner secret that then authenticates the owner's routes; a language without a recognizer is
 * refused; the JWK set and the signed status list are public.
 */
class ServeConsentTest {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  private static String admin(String... args) {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(VoxProof.execute(args)).isZero();
    } finally {
      System.setOut(real);
    }
    String[] words = out.toString(StandardCharsets.UTF_8).strip().split("\\s+");
    return words[words.length - 1];
  }

  private HttpResponse<String> send(String method, String url, String bearer, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serve_mountsTheConsentApi_withOwnerCredentials() throws Exception {
    Path data = dir.resolve("data");
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      String key =
          admin(
              "admin",
              "create-client",
              "--data-dir",
              data.toString(),
              "--name",
              "bank-app",
              "--org",
              "Acme Bank",
              "--role",
              "licensee");
      JsonObject body =
          new JsonObject()
              .put("ownerName", "Alice Smith")
              .put("purposes", new JsonArray().add("notifications"))
              .put("languages", new JsonArray().add("en"))
              .put("validDays", 30);
      HttpResponse<String> e = send("POST", server.url() + "/v1/enrollments", key, body.encode());
      assertThat(e.statusCode()).as(e.body()).isEqualTo(201);
      JsonObject started = new JsonObject(e.body());
      String id = started.getString("id");
      assertThat(started.getString("consentUrl")).startsWith(server.url() + "/consent/" + id);
      String redeem = server.url() + "/v1/enrollments/" + id + "/owner";
      HttpResponse<String> o = send("POST", redeem, started.getString("invitation"), null);
      assertThat(o.statusCode()).as(o.body()).isEqualTo(201);
      assertThat(send("POST", redeem, started.getString("invitation"), null).statusCode())
          .isEqualTo(409);
      String owner = new JsonObject(o.body()).getString("ownerSecret");
      HttpResponse<String> view = send("GET", server.url() + "/v1/enrollments/" + id, owner, null);
      assertThat(new JsonObject(view.body()).getString("status")).isEqualTo("open");
      HttpResponse<String> ch =
          send("POST", server.url() + "/v1/enrollments/" + id + "/challenge", owner, null);
      assertThat(ch.statusCode()).as(ch.body()).isEqualTo(409);
      assertThat(new JsonObject(ch.body()).getString("type")).endsWith("/samples_missing");
      body.put("languages", new JsonArray().add("xx"));
      HttpResponse<String> bad = send("POST", server.url() + "/v1/enrollments", key, body.encode());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(new JsonObject(bad.body()).getString("type")).endsWith("/unsupported_language");
      assertThat(send("GET", server.url() + "/.well-known/jwks.json", null, null).body())
          .contains("\"kty\":\"EC\"");
      HttpResponse<String> list = send("GET", server.url() + "/v1/status-lists/1", null, null);
      assertThat(list.headers().firstValue("Content-Type")).hasValue("application/statuslist+jwt");
    }
  }
}
