package org.voxproof.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.server.Topology.Part;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.http.auth.Role;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;
import org.voxproof.testkit.Tools;

/**
 * Four {@code serve --only} nodes over TLS (one test CA, one shared key ring): the internal routes
 * take service keys only; a synthesis on the synth node (its token verified against the consent
 * node's JWK set and signed status list) is recorded on the ledger node and detected as ours on the
 * detector node; with the consent node or the ledger node down, every node that needs it answers
 * 503 with {@code consent_unavailable} or {@code ledger_unavailable} and {@code Retry-After}, never
 * 500, and serves again once the peer is back on its port. The whole consent story with spoken
 * consent and revocation is {@code ScaleOutStoryIT}.
 */
class ScaleOutTest {
  @TempDir Path dir;

  /** A token signed by the operator's token key for a status entry the consent node never used. */
  static String token(KeyRing ring, String issuer) throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    ConsentGrant g =
        new ConsentGrant(
            "jti-1",
            "consent-1",
            "voice-1",
            "owner-1",
            "Acme Bank",
            Set.of("notifications"),
            Set.of("en"),
            400,
            Assurance.BASIC,
            "ab".repeat(32),
            new byte[32],
            now,
            now,
            now.plusSeconds(3600),
            new StatusReference(issuer + "/v1/status-lists/1", 7));
    return ConsentTokenIssuer.create(issuer, ring).issue(g);
  }

  static HttpRequest.Builder synthesize(String url, String key, String token) {
    String body =
        new JsonObject()
            .put("text", "Your card has shipped.")
            .put("consentToken", token)
            .put("language", "en")
            .put("purpose", "notifications")
            .put("format", "wav")
            .encode();
    return HttpRequest.newBuilder(URI.create(url + "/v1/synthesize"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  static HttpRequest.Builder detect(String url, String key, byte[] audio) {
    return HttpRequest.newBuilder(URI.create(url + "/v1/detect"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(audio));
  }

  static HttpRequest.Builder get(String url, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    return key == null ? b : b.header("Authorization", "Bearer " + key);
  }

  static JsonObject json(HttpResponse<byte[]> r) {
    return new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
  }

  /** A 503 problem with this reason and a Retry-After. */
  static void assertUnavailable(HttpResponse<byte[]> r, String reason) {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(r).getString("type")).endsWith("/" + reason);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void fourNodes_recordOnLedgerNode_detectOnDetectorNode_peerDownIs503() throws Exception {
    Tools.require("espeak-ng");
    try (Cluster c = new Cluster(dir).startAll()) {
      String origin = c.url(Part.LEDGER) + "/internal/v1/ledger/origin";
      assertThat(c.send(get(origin, null)).statusCode()).isEqualTo(401);
      String platformAtLedger = c.key(Part.LEDGER, "platform", Role.PLATFORM, "Platform");
      assertThat(c.send(get(origin, platformAtLedger)).statusCode()).isEqualTo(403);

      String token;
      try (KeyRing ring = KeyRing.builder().dataDirectory(c.keysDir).existingOnly().open()) {
        token = token(ring, c.url(Part.CONSENT));
      }
      String licensee = c.key(Part.SYNTH, "bank-app", Role.LICENSEE, "Acme Bank");
      String synth = c.url(Part.SYNTH);
      HttpResponse<byte[]> made = c.send(synthesize(synth, licensee, token));
      assertThat(made.statusCode())
          .as(new String(made.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      String index = made.headers().firstValue("X-VoxProof-Ledger-Index").orElseThrow();
      String manifestId = made.headers().firstValue("X-VoxProof-Manifest-Id").orElseThrow();
      HttpResponse<byte[]> entry =
          c.send(get(c.url(Part.LEDGER) + "/v1/ledger/entries/" + index, null));
      assertThat(entry.statusCode()).isEqualTo(200);
      assertThat(json(entry).getJsonObject("record").getString("id")).isEqualTo(manifestId);

      String platform = c.key(Part.DETECTOR, "platform", Role.PLATFORM, "Platform");
      String detector = c.url(Part.DETECTOR);
      JsonObject report = json(c.send(detect(detector, platform, made.body())));
      assertThat(report.getString("verdict")).as(report.encode()).isEqualTo("verified-synthetic");
      assertThat(report.getJsonObject("watermark").getBoolean("found"))
          .as(report.encode())
          .isTrue();
      assertThat(report.getJsonObject("ledger").getLong("index")).isEqualTo(Long.parseLong(index));
      // The consent node issued no token with this status entry: it knows no such consent.
      assertThat(report.getJsonObject("consent").getString("status")).isEqualTo("unknown");

      c.stop(Part.CONSENT);
      assertUnavailable(c.send(detect(detector, platform, made.body())), "consent_unavailable");
      // The synth node's status list is reused for its ttl (1 s), then fetched again: fail closed.
      assertUnavailable(untilNot200(c, synthesize(synth, licensee, token)), "consent_unavailable");
      c.start(Part.CONSENT);
      assertThat(c.send(synthesize(synth, licensee, token)).statusCode()).isEqualTo(200);

      c.stop(Part.LEDGER);
      assertUnavailable(c.send(detect(detector, platform, made.body())), "ledger_unavailable");
      assertUnavailable(c.send(synthesize(synth, licensee, token)), "ledger_unavailable");
      String binding =
          detector
              + "/c2pa/v1/matches/byBinding?alg=org.voxproof.spread-spectrum.1&value="
              + URLEncoder.encode(
                  Base64.getEncoder()
                      .encodeToString(
                          HexFormat.of()
                              .parseHex(report.getJsonObject("watermark").getString("payload"))),
                  StandardCharsets.UTF_8);
      assertUnavailable(c.send(get(binding, platform)), "ledger_unavailable");
      c.start(Part.LEDGER);
      JsonObject again = json(c.send(detect(detector, platform, made.body())));
      assertThat(again.getString("verdict")).isEqualTo("verified-synthetic");
    }
  }

  /** Sends until the answer is not a 200 (at most 20 s: the peer's cache runs out in 1 s). */
  static HttpResponse<byte[]> untilNot200(Cluster c, HttpRequest.Builder b) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      HttpResponse<byte[]> r = c.send(b);
      if (r.statusCode() != 200 || System.nanoTime() > deadline) {
        return r;
      }
      Thread.sleep(250);
    }
  }
}
