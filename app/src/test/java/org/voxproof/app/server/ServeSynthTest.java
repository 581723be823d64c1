package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;

/**
 * {@code voxproof serve} mounts {@code POST /v1/synthesize}: a licensee key from {@code admin}, a
 * token signed by the data directory's key ring under the server's base URL as issuer reaches the
 * status check (the consent store's lists, which know no such entry: 403 {@code invalid_token}), a
 * token from another key ring is 403 {@code invalid_token}, and nothing reaches the ledger.
 */
class ServeSynthTest {
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

  private static String token(KeyRing ring, String issuer) throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    ConsentGrant g =
        new ConsentGrant(
            "jti-1",
            "consent-1",
            "voice-1",
            "owner-1",
            "bank",
            Set.of("notifications"),
            Set.of("en"),
            400,
            Assurance.BASIC,
            "ab".repeat(32),
            new byte[32],
            now,
            now,
            now.plusSeconds(3600),
            new StatusReference(issuer + "/v1/status-lists/1", 1));
    return ConsentTokenIssuer.create(issuer, ring).issue(g);
  }

  private HttpResponse<String> synthesize(VoxProofServer server, String key, String token)
      throws Exception {
    String body =
        new JsonObject()
            .put("text", "Your card has shipped.")
            .put("consentToken", token)
            .put("language", "en")
            .put("purpose", "notifications")
            .put("format", "wav")
            .encode();
    return client.send(
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/synthesize"))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serve_mountsSynthesize_tokenOfTheServersIssuerReachesTheStatusCheck() throws Exception {
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
              "bank",
              "--role",
              "licensee");
      String genuine;
      try (KeyRing ring = KeyRing.builder().dataDirectory(data).existingOnly().open()) {
        genuine = token(ring, server.url());
      }
      // Signed by the data directory's ring, but the consent store issued no token with that
      // status entry: the status check refuses it.
      HttpResponse<String> r = synthesize(server, key, genuine);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
      assertThat(new JsonObject(r.body()).getJsonArray("reasons").getString(0))
          .isEqualTo("invalid_token");

      String forged;
      try (KeyRing other =
          KeyRing.builder()
              .dataDirectory(dir.resolve("other"))
              .password("x".toCharArray())
              .open()) {
        forged = token(other, server.url());
      }
      HttpResponse<String> f = synthesize(server, key, forged);
      assertThat(f.statusCode()).as(f.body()).isEqualTo(403);
      assertThat(new JsonObject(f.body()).getJsonArray("reasons").getString(0))
          .isEqualTo("invalid_token");
      assertThat(server.ledger().latestCheckpoint().size()).isZero();
    }
    Path keyFile = data.resolve("synth").resolve("pseudonym.key");
    assertThat(Files.size(keyFile)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
  }
}
