package org.voxproof.ledger.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.ledger.http.LedgerRoutesTest.record;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.http.ApiRouter;
import org.voxproof.http.ApiServer;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.TestServers;
import org.voxproof.http.Workers;
import org.voxproof.http.auth.BearerAuth;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.http.peers.PeerClient;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerUnavailableException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.embedded.CheckpointKeys;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;

/**
 * {@link LedgerClientHttp} against an embedded ledger served by {@link LedgerRoutes} and {@link
 * LedgerServiceRoutes}: every method answers what the ledger itself answers; only a service key may
 * use the internal routes; a checkpoint under another key, a refused key and a node that is down
 * are {@link LedgerUnavailableException}.
 */
@ExtendWith(VertxExtension.class)
class LedgerClientHttpTest {
  @TempDir Path data;
  private EmbeddedLedger ledger;
  private ApiServer server;
  private URI base;

  /** svc_* secrets are service keys, plat_* platform keys. */
  static BearerResolver keys(String prefix, Role role) {
    return new BearerResolver() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public Optional<Principal> resolve(String secret) {
        return secret.equals(prefix + "good")
            ? Optional.of(new Principal(role, "n1", "voxproof"))
            : Optional.empty();
      }
    };
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    ledger = EmbeddedLedger.builder(data).origin("client.test/log").open();
    for (int i = 0; i < 5; i++) {
      ledger.append(record(i));
    }
    BearerAuth auth =
        BearerAuth.create(
            Workers.create(vertx, "auth", 1),
            List.of(keys("svc_", Role.SERVICE), keys("plat_", Role.PLATFORM)));
    Router root =
        ApiRouter.create(
            vertx,
            auth,
            ProblemMap.empty(),
            List.of(LedgerRoutes.create(vertx, ledger), LedgerServiceRoutes.create(vertx, ledger)));
    server = TestServers.await(ApiServer.start(vertx, root, "127.0.0.1", 0, null));
    base = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() throws Exception {
    ledger.close();
  }

  private LedgerClientHttp client(String key) throws Exception {
    return LedgerClientHttp.builder(PeerClient.create(base, null, key, Duration.ofSeconds(5)))
        .checkpointVerifier(origin -> verifier())
        .connect(Duration.ZERO);
  }

  private org.voxproof.ledger.note.NoteVerifier verifier() {
    try {
      return CheckpointKeys.publishedVerifier(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyMethod_answersWhatTheLedgerAnswers() throws Exception {
    try (LedgerClientHttp c = client("svc_good")) {
      assertThat(c.origin()).isEqualTo("client.test/log");
      AppendResult a = c.append(record(5));
      assertThat(a.index()).isEqualTo(5);
      assertThat(a.alreadyPresent()).isFalse();
      assertThat(a.checkpoint().size()).isGreaterThan(5);
      assertThat(c.append(record(5)).alreadyPresent()).isTrue();
      assertThat(c.appendAsync(record(6)).toCompletableFuture().get().index()).isEqualTo(6);
      LedgerRecord other =
          LedgerRecord.synthesis(
              "manifest-5",
              ByteBuffer.allocate(4).putInt(0x01020304).array(),
              record(9).audioSha256(),
              record(9).manifestHash(),
              record(9).consentCommitment(),
              "lic-1",
              "espeak",
              Instant.ofEpochMilli(1_700_000_000_000L));
      assertThatThrownBy(() -> c.append(other)).isInstanceOf(LedgerConflictException.class);

      assertThat(c.findById("manifest-3")).isEqualTo(ledger.findById("manifest-3"));
      assertThat(c.findById("manifest-99")).isEmpty();
      assertThat(c.findByWatermark(record(2).watermark()).map(LedgerEntry::index)).hasValue(2L);
      assertThat(c.findByWatermark(new byte[] {1, 2, 3, 4})).isEmpty();
      assertThat(c.findByCommitment(record(4).consentCommitment()))
          .isEqualTo(ledger.findByCommitment(record(4).consentCommitment()));
      assertThat(c.entry(1)).isEqualTo(ledger.entry(1));
      assertThatThrownBy(() -> c.entry(99)).isInstanceOf(LedgerNotFoundException.class);

      SignedCheckpoint cp = c.latestCheckpoint();
      SignedCheckpoint own = ledger.latestCheckpoint();
      assertThat(cp.note()).isEqualTo(own.note());
      assertThat(cp.size()).isEqualTo(7);
      assertThat(cp.rootHash()).isEqualTo(own.rootHash());
      InclusionProof p = c.inclusionProof(3, 7);
      assertThat(p.leafHash()).isEqualTo(ledger.inclusionProof(3, 7).leafHash());
      assertThat(p.hashes()).containsExactlyElementsOf(ledger.inclusionProof(3, 7).hashes());
      assertThat(c.consistencyProof(2, 7).hashes())
          .containsExactlyElementsOf(ledger.consistencyProof(2, 7).hashes());
      TlogProofEvidence e = (TlogProofEvidence) c.evidence("manifest-3");
      assertThat(e).isEqualTo(ledger.evidence("manifest-3"));
    }
  }

  @Test
  void internalRoutes_serviceKeysOnly() throws Exception {
    assertThatThrownBy(() -> client("plat_good"))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("403 forbidden");
    assertThatThrownBy(() -> client("svc_wrong"))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("401 unauthorized");
    assertThatThrownBy(() -> client(null))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("401 unauthorized");
  }

  @Test
  void checkpointUnderAnotherKey_isUnavailable() throws Exception {
    try (LedgerClientHttp c =
        LedgerClientHttp.builder(PeerClient.create(base, null, "svc_good", Duration.ofSeconds(5)))
            .checkpointVerifier(o -> Ed25519NoteKeys.generate(o).verifier())
            .connect(Duration.ZERO)) {
      assertThatThrownBy(c::latestCheckpoint)
          .isInstanceOf(LedgerUnavailableException.class)
          .hasMessageContaining("does not verify");
      assertThatThrownBy(() -> c.append(record(7))).isInstanceOf(LedgerUnavailableException.class);
    }
  }

  @Test
  void nodeDown_isUnavailable() throws Exception {
    try (LedgerClientHttp c = client("svc_good")) {
      TestServers.await(server.shutdown(Duration.ofSeconds(1)));
      assertThatThrownBy(() -> c.findById("manifest-1"))
          .isInstanceOf(LedgerUnavailableException.class)
          .hasMessageContaining("unreachable");
      assertThatThrownBy(() -> c.append(record(7))).isInstanceOf(LedgerUnavailableException.class);
      assertThatThrownBy(() -> client("svc_good")).isInstanceOf(LedgerUnavailableException.class);
    }
  }
}
