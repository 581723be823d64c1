package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.http.TestCerts;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.embedded.LogVerifier;
import org.voxproof.provenance.KeyRing;

class VoxProofServerTest {
  @TempDir Path dir;

  @Test
  void start_servesHealthAndLedger_closeReleasesTheLedger() throws Exception {
    Path data = dir.resolve("data");
    HttpClient client = HttpClient.newHttpClient();
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
      HttpResponse<String> health = get(client, server.url() + "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> cp = get(client, server.url() + "/v1/ledger/checkpoint");
      assertThat(cp.statusCode()).isEqualTo(200);
      assertThat(cp.body()).contains("\n0\n");
    }
    // Closed: the writer lock is free again (for the log's own signer) and the log verifies.
    String origin = EmbeddedLedger.storedOrigin(data).orElseThrow();
    try (KeyRing keys = KeyRing.builder().dataDirectory(data).existingOnly().open();
        EmbeddedLedger again =
            EmbeddedLedger.builder(data).signer(keys.checkpointSigner(origin)).open()) {
      assertThat(again.size()).isZero();
    }
    assertThat(LogVerifier.verify(data).entries()).isZero();
  }

  @Test
  void start_withTlsCertificate_servesHttpsOnly() throws Exception {
    TestCerts.Pem pem = TestCerts.write(dir, "server");
    ServerConfig config =
        new ServerConfig(
            dir.resolve("data"),
            "127.0.0.1",
            0,
            pem.cert(),
            pem.key(),
            Duration.ofSeconds(5),
            null);
    try (VoxProofServer server = VoxProofServer.start(config)) {
      assertThat(server.url()).startsWith("https://");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", pem.certificate());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> r = get(client, server.url() + "/health");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("up");
    }
  }

  @Test
  void ledgerRoutesAndCli_printTheSameEntryAndCheckpoint_whileServing() throws Exception {
    Path data = dir.resolve("data");
    HttpClient client = HttpClient.newHttpClient();
    try (VoxProofServer server = VoxProofServer.start(ServerConfig.plain(data, "127.0.0.1", 0))) {
      for (int i = 0; i < 3; i++) {
        server.ledger().append(LedgerRecord.erasure("erase-" + i, new byte[32], Instant.EPOCH));
      }
      HttpResponse<String> route = get(client, server.url() + "/v1/ledger/entries/2");
      assertThat(route.statusCode()).isEqualTo(200);
      String cli = cli("ledger", "entry", "--data-dir", data.toString(), "2");
      ObjectMapper json = new ObjectMapper();
      assertThat(json.readTree(cli)).isEqualTo(json.readTree(route.body()));
      assertThat(json.readTree(cli).path("record").path("id").asText()).isEqualTo("erase-2");

      HttpResponse<String> cp = get(client, server.url() + "/v1/ledger/checkpoint");
      assertThat(cli("ledger", "checkpoint", "--data-dir", data.toString())).isEqualTo(cp.body());
      assertThat(cp.body()).contains("\n3\n");
    }
  }

  /** Runs a CLI command in this JVM; returns its stdout (exit code 0 required). */
  private static String cli(String... args) {
    PrintStream realOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(VoxProof.execute(args)).isZero();
    } finally {
      System.setOut(realOut);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
