package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.TestRecords;

/** FabricLedger against {@link FakeGateway}, an in-process FAKE of the Fabric Gateway service. */
class FabricLedgerTest {
  private TestPki clientOrg;
  private TestPki peerOrg;
  private FakeGateway fake;
  private Server server;
  private ManagedChannel channel;
  private FabricLedger ledger;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    clientOrg = new TestPki("client-ca");
    peerOrg = new TestPki("peer-ca");
    fake = new FakeGateway("voxproof", "voxproof", clientOrg.ca.cert(), peerOrg);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(fake).directExecutor().build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    ledger = connectAs(clientOrg.issue("operator"));
  }

  private FabricLedger connectAs(TestPki.Issued who) {
    return FabricLedger.over(
        channel,
        new X509Identity("VoxProofMSP", who.cert()),
        Signers.newPrivateKeySigner(who.key()),
        "voxproof",
        "voxproof");
  }

  @AfterEach
  void stop() throws Exception {
    ledger.close();
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void append_thenFindByIdAndWatermark_returnRecordAtItsBlock() throws Exception {
    AppendResult a = ledger.append(TestRecords.synthesis(1));
    AppendResult b = ledger.append(TestRecords.synthesis(2));
    assertThat(b.index()).isEqualTo(a.index() + 1);
    LedgerEntry e = ledger.findById("manifest-2").orElseThrow();
    assertThat(e.index()).isEqualTo(b.index());
    assertThat(e.record()).isEqualTo(TestRecords.synthesis(2));
    assertThat(ledger.findByWatermark(TestRecords.synthesis(1).watermark()).orElseThrow().index())
        .isEqualTo(a.index());
    assertThat(ledger.findById("nope")).isEmpty();
    assertThat(fake.rejectedSignatures.get()).isZero();
  }

  @Test
  void append_sameRecordTwice_isIdempotent() throws Exception {
    AppendResult first = ledger.append(TestRecords.synthesis(5));
    assertThat(ledger.append(TestRecords.synthesis(5)))
        .isEqualTo(new AppendResult(first.index(), true));
  }

  @Test
  void append_conflicts_areTyped() throws Exception {
    LedgerRecord r = TestRecords.synthesis(1);
    ledger.append(r);
    LedgerRecord sameId =
        LedgerRecord.synthesis(
            "manifest-1",
            new byte[] {1},
            new byte[32],
            new byte[32],
            new byte[32],
            "",
            "",
            Instant.EPOCH);
    assertThatThrownBy(() -> ledger.append(sameId))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("other content");
    LedgerRecord sameWatermark =
        LedgerRecord.synthesis(
            "manifest-x",
            r.watermark(),
            new byte[32],
            new byte[32],
            new byte[32],
            "",
            "",
            Instant.EPOCH);
    assertThatThrownBy(() -> ledger.append(sameWatermark))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessageContaining("taken");
  }

  @Test
  void clientWithCertFromOtherCa_isRejectedByGateway() throws Exception {
    try (FabricLedger stranger = connectAs(new TestPki("rogue-ca").issue("mallory"))) {
      assertThatThrownBy(() -> stranger.append(TestRecords.synthesis(9)))
          .isInstanceOf(LedgerStorageException.class);
    }
    assertThat(fake.rejectedSignatures.get()).isPositive();
  }

  @Test
  void erasure_purgesSaltFromPrivateCollection() throws Exception {
    LedgerRecord r = TestRecords.synthesis(3);
    ledger.appendWithConsentSalt(r, new byte[] {7, 7, 7});
    String hex = java.util.HexFormat.of().formatHex(r.consentCommitment());
    assertThat(fake.chaincode.salts).containsKey(hex);
    assertThat(fake.endorsingOrgs.get("StoreSalt")).containsExactly("VoxProofMSP");
    assertThat(fake.endorsingOrgs.get("Record")).isEmpty();
    ledger.recordErasure("erase-3", r.consentCommitment(), Instant.EPOCH);
    assertThat(fake.chaincode.salts).doesNotContainKey(hex);
    assertThat(fake.chaincode.purged).containsExactly(hex);
    assertThat(ledger.findById("erase-3")).isPresent();
  }

  @Test
  void evidence_verifiesOffline_andForeignEndorserIsRejected() throws Exception {
    ledger.append(TestRecords.synthesis(1));
    ledger.append(TestRecords.synthesis(2));
    FabricEvidence ev = (FabricEvidence) ledger.evidence("manifest-2");
    assertThat(ev.validationCode()).isEqualTo("VALID");
    assertThat(ev.blockNumber()).isEqualTo(1);
    FabricEvidenceVerifier.trusting(List.of(peerOrg.ca.cert()), 1).verify(ev);
    assertThatThrownBy(
            () -> FabricEvidenceVerifier.trusting(List.of(clientOrg.ca.cert()), 1).verify(ev))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageContaining("trusted endorsements");
    FabricEvidence swapped =
        new FabricEvidence(
            new LedgerEntry(1, TestRecords.synthesis(1)),
            ev.channel(),
            ev.transactionId(),
            ev.blockNumber(),
            ev.validationCode(),
            ev.processedTransaction(),
            ev.block());
    assertThatThrownBy(
            () -> FabricEvidenceVerifier.trusting(List.of(peerOrg.ca.cert()), 1).verify(swapped))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageContaining("did not write this record");
  }

  @Test
  void merkleOperations_unsupportedOnFabric() {
    assertThatThrownBy(() -> ledger.latestCheckpoint())
        .isInstanceOf(LedgerUnsupportedException.class);
    assertThatThrownBy(() -> ledger.inclusionProof(0, 1))
        .isInstanceOf(LedgerUnsupportedException.class);
  }

  @Test
  void subscribe_resumesFromCheckpointWithoutRepeats() throws Exception {
    ledger.append(TestRecords.synthesis(1));
    ledger.append(TestRecords.synthesis(2));
    Path cp = dir.resolve("events.checkpoint");
    List<String> seen = new CopyOnWriteArrayList<>();
    try (FileCheckpointer checkpointer = new FileCheckpointer(cp);
        AutoCloseable sub = ledger.subscribe(checkpointer, e -> seen.add(e.record().id()))) {
      awaitSize(seen, 2);
    }
    ledger.append(TestRecords.synthesis(3));
    ledger.recordErasure("erase-1", TestRecords.synthesis(1).consentCommitment(), Instant.EPOCH);
    try (FileCheckpointer checkpointer = new FileCheckpointer(cp);
        AutoCloseable sub = ledger.subscribe(checkpointer, e -> seen.add(e.record().id()))) {
      awaitSize(seen, 4);
    }
    assertThat(seen).containsExactly("manifest-1", "manifest-2", "manifest-3", "erase-1");
  }

  private static void awaitSize(List<String> seen, int n) throws InterruptedException {
    for (int i = 0; i < 500 && seen.size() < n; i++) {
      Thread.sleep(10);
    }
    Thread.sleep(50); // let any unexpected extra event arrive before asserting
    assertThat(seen).hasSize(n);
  }
}
