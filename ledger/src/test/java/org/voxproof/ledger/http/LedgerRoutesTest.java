package org.voxproof.ledger.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.http.TestServers.assertProblem;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.Problems;
import org.voxproof.http.TestServers;
import org.voxproof.ledger.LedgerJson;
import org.voxproof.ledger.LedgerOverloadedException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.embedded.CheckpointKeys;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.merkle.MerkleVerifier;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.SignedNote;

@ExtendWith(VertxExtension.class)
class LedgerRoutesTest {
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path data;
  private EmbeddedLedger ledger;
  private int port;

  static LedgerRecord record(int n) {
    byte[] h = MerkleHash.sha256(("r" + n).getBytes(StandardCharsets.UTF_8));
    return LedgerRecord.synthesis(
        "manifest-" + n,
        ByteBuffer.allocate(4).putInt(0xab000000 + n).array(),
        h,
        h,
        h,
        "lic-1",
        "espeak",
        Instant.ofEpochMilli(1_700_000_000_000L));
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    ledger = EmbeddedLedger.builder(data).origin("routes.test/log").open();
    for (int i = 0; i < 7; i++) {
      ledger.append(record(i));
    }
    port = serve(vertx, ledger);
  }

  /** Serves {@code l} the way the app does: the shared root router and server. */
  static int serve(Vertx vertx, ProvenanceLedger l) throws Exception {
    Router root =
        ApiRouter.create(vertx, null, ProblemMap.empty(), List.of(LedgerRoutes.create(vertx, l)));
    return TestServers.serve(vertx, root);
  }

  @AfterEach
  void stop() throws Exception {
    ledger.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void checkpoint_isSignedNoteOfCurrentSize() throws Exception {
    HttpResponse<String> r = get("/v1/ledger/checkpoint");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    SignedNote note = SignedNote.open(r.body(), List.of(CheckpointKeys.publishedVerifier(data)));
    assertThat(Checkpoint.parse(note.body()).size()).isEqualTo(7);
  }

  @Test
  void entry_returnsRecordJson() throws Exception {
    HttpResponse<String> r = get("/v1/ledger/entries/3");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject j = new JsonObject(r.body());
    assertThat(j.getJsonObject("record").getString("id")).isEqualTo("manifest-3");
    assertThat(Base64.getDecoder().decode(j.getString("data"))).isEqualTo(record(3).encode());
  }

  @Test
  void entry_isExactlyTheSharedLedgerJson() throws Exception {
    JsonObject served = new JsonObject(get("/v1/ledger/entries/3").body());
    assertThat(served)
        .isEqualTo(new JsonObject(new JsonObject(LedgerJson.entry(ledger.entry(3))).encode()));
    assertThat(served.fieldNames()).containsExactly("index", "leafHash", "data", "record");
    assertThat(served.getJsonObject("record").fieldNames())
        .containsExactly(
            "kind",
            "id",
            "watermark",
            "audioSha256",
            "manifestHash",
            "consentCommitment",
            "licensee",
            "engine",
            "subject",
            "detailHash",
            "time");
  }

  @Test
  void malformedEscapeInIndex_is400Problem() throws Exception {
    assertProblem(get("/v1/ledger/entries/%25"), 400, "invalid_parameter");
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.getOutputStream()
          .write(
              "GET /v1/ledger/entries/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400 ").contains(Problems.CONTENT_TYPE);
      TestServers.assertProblemBody(
          response.substring(response.indexOf("\r\n\r\n") + 4), 400, "bad_request");
    }
  }

  @Test
  void inclusionProof_verifiesAgainstCheckpoint() throws Exception {
    JsonObject j = new JsonObject(get("/v1/ledger/proofs/inclusion?index=5&size=7").body());
    List<byte[]> hashes = new ArrayList<>();
    j.getJsonArray("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode((String) h)));
    MerkleVerifier.verifyInclusion(
        5, 7, MerkleHash.leaf(record(5).encode()), hashes, ledger.latestCheckpoint().rootHash());
  }

  @Test
  void consistencyProof_returnsHashes() throws Exception {
    HttpResponse<String> r = get("/v1/ledger/proofs/consistency?from=3&to=7");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getJsonArray("hashes")).isNotEmpty();
  }

  @Test
  void lookup_byWatermark_findsRecord() throws Exception {
    String hex = HexFormat.of().formatHex(record(4).watermark());
    JsonObject j = new JsonObject(get("/v1/ledger/lookup?watermark=" + hex).body());
    assertThat(j.getLong("index")).isEqualTo(4);
  }

  @Test
  void badParameters_areProblemJson4xx() throws Exception {
    assertProblem(get("/v1/ledger/entries/abc"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/entries/-1"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/entries/99999999999999999999"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/entries/7"), 404, "not_found");
    assertProblem(get("/v1/ledger/proofs/inclusion?index=7&size=7"), 400, "out_of_range");
    assertProblem(get("/v1/ledger/proofs/inclusion?index=1&size=8"), 400, "out_of_range");
    assertProblem(get("/v1/ledger/proofs/inclusion?size=3"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/proofs/consistency?from=5&to=3"), 400, "out_of_range");
    assertProblem(get("/v1/ledger/proofs/consistency?from=x&to=3"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/lookup?watermark=zz"), 400, "invalid_parameter");
    assertProblem(get("/v1/ledger/lookup?watermark=00112233"), 404, "not_found");
  }

  @Test
  void backendRefusals_mapTo501And503WithRetryAfter(Vertx vertx) throws Exception {
    ProvenanceLedger refusing =
        (ProvenanceLedger)
            java.lang.reflect.Proxy.newProxyInstance(
                ProvenanceLedger.class.getClassLoader(),
                new Class<?>[] {ProvenanceLedger.class},
                (proxy, method, args) -> {
                  throw method.getName().equals("latestCheckpoint")
                      ? new LedgerUnsupportedException("no checkpoints on this backend")
                      : new LedgerOverloadedException("busy");
                });
    int other = serve(vertx, refusing);
    HttpResponse<String> unsupported =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other + "/v1/ledger/checkpoint"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(unsupported, 501, "not_supported");
    HttpResponse<String> busy =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other + "/v1/ledger/entries/0"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(busy, 503, "unavailable");
    assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
  }
}
