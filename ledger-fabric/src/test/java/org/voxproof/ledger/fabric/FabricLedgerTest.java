package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.identity.Signers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.chaincode.ProvenanceContract;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.RecordVectors;
import org.voxproof.ledger.TestRecords;

/**
 * FabricLedger against {@link FakeGateway}, a FAKE of the Fabric Gateway service whose chaincode
 * answers come from the REAL chaincode (ledger-chaincode's router and contract).
 */
class FabricLedgerTest {
  private static final byte[] SALT_KEY = new byte[32];
  private FakeNetwork net;
  private FabricLedger ledger;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    net = new FakeNetwork();
    ledger = net.ledger(SALT_KEY);
  }

  @AfterEach
  void stop() throws Exception {
    ledger.close();
    net.close();
  }

  @Test
  void append_thenFindByIdAndWatermark_returnRecordAtItsBlock() throws Exception {
    AppendResult a = ledger.append(TestRecords.synthesis(1));
    AppendResult b = ledger.append(TestRecords.synthesis(2));
    assertThat(a.index()).isEqualTo(1); // block 0 is the channel's genesis block
    assertThat(b.index()).isEqualTo(2);
    LedgerEntry e = ledger.findById("manifest-2").orElseThrow();
    assertThat(e).isEqualTo(new LedgerEntry(2, TestRecords.synthesis(2)));
    assertThat(ledger.findByWatermark(TestRecords.synthesis(1).watermark()).orElseThrow().index())
        .isEqualTo(1);
    assertThat(ledger.findById("nope")).isEmpty();
    assertThat(net.gateway.rejectedSignatures.get()).isZero();
  }

  @Test
  void append_vectorRecord_isWhatTheChaincodeStored() throws Exception {
    LedgerRecord r = LedgerRecord.decode(RecordVectors.bytes("synthesis"));
    ledger.append(r);
    assertThat(ledger.findByWatermark(HexFormat.of().parseHex("00c0ffee")).orElseThrow().record())
        .isEqualTo(r);
  }

  @Test
  void append_sameRecordTwice_isIdempotent() throws Exception {
    AppendResult first = ledger.append(TestRecords.synthesis(5));
    assertThat(ledger.append(TestRecords.synthesis(5)))
        .isEqualTo(new AppendResult(first.index(), true));
  }

  @Test
  void append_conflicts_areTypedWithTheChaincodeMessageOnce() throws Exception {
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
        .hasMessage("ID_CONFLICT: id manifest-1 is logged with other content");
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
        .hasMessage("WATERMARK_TAKEN: watermark " + r.watermarkHex() + " is taken");
  }

  @Test
  void clientWithCertFromOtherCa_isRejectedByGateway() throws Exception {
    TestPki.Issued mallory = new TestPki("rogue.example.com").issue("mallory", "client");
    try (FabricLedger stranger =
        FabricLedger.over(
            net.channel,
            net.identity(FakeFabric.OPERATOR, mallory),
            Signers.newPrivateKeySigner(mallory.key()),
            FakeFabric.CHANNEL,
            "voxproof")) {
      assertThatThrownBy(() -> stranger.append(TestRecords.synthesis(9)))
          .isInstanceOf(LedgerStorageException.class)
          .hasMessageStartingWith("Fabric call failed: PERMISSION_DENIED");
    }
    assertThat(net.gateway.rejectedSignatures.get()).isPositive();
  }

  @Test
  void appendWithConsentSalt_oneTransaction_saltSealedForEndorsers_purgedOnErasure()
      throws Exception {
    LedgerRecord r = TestRecords.synthesis(3);
    byte[] salt = {7, 7, 7};
    AppendResult a = ledger.appendWithConsentSalt(r, salt);
    String hex = HexFormat.of().formatHex(r.consentCommitment());
    assertThat(net.fabric.height())
        .isEqualTo(2); // genesis + one transaction: record and salt together
    assertThat(ledger.findById(r.id()).orElseThrow().index()).isEqualTo(a.index());
    assertThat(ledger.consentSalt(r.consentCommitment())).hasValue(salt);
    ByteString seen =
        net.gateway.transientSeen.get("Record").get(ProvenanceContract.SALT_TRANSIENT_KEY);
    assertThat(seen.size()).isEqualTo(12 + 3 + 16); // the endorsers saw only the sealed salt
    assertThat(java.util.Collections.indexOfSubList(bytes(seen.toByteArray()), bytes(salt)))
        .isEqualTo(-1);
    assertThat(net.fabric.world.collection(ProvenanceContract.SALTS)).containsKey(hex);

    ledger.recordErasure("erase-3", r.consentCommitment(), Instant.EPOCH);

    assertThat(net.fabric.world.collection(ProvenanceContract.SALTS)).doesNotContainKey(hex);
    assertThat(net.fabric.world.purged()).containsExactly(ProvenanceContract.SALTS + "/" + hex);
    assertThat(ledger.consentSalt(r.consentCommitment())).isEmpty();
    assertThat(ledger.findById("erase-3")).isPresent();
  }

  @Test
  void appendWithConsentSalt_operatorPeersUnreachable_writesNeitherRecordNorSalt()
      throws Exception {
    net.fabric.reachableOperatorPeers = 0;
    LedgerRecord r = TestRecords.synthesis(4);
    assertThatThrownBy(() -> ledger.appendWithConsentSalt(r, new byte[] {1}))
        .isInstanceOf(LedgerStorageException.class)
        .hasMessage(
            "the consent salt could not be handed to 1 other peer(s) of the operator's organisation"
                + " (requiredPeerCount of collection consentSalts; 0 reachable): nothing was written;"
                + " bring the operator's peers up and retry");
    assertThat(net.fabric.height()).isEqualTo(1);
    assertThat(ledger.findById(r.id())).isEmpty();
    assertThat(net.fabric.world.collection(ProvenanceContract.SALTS)).isEmpty();
  }

  @Test
  void appendWithConsentSalt_withoutSaltKeyOrEndorsers_unsupported() throws Exception {
    try (FabricLedger noKey = net.ledger(null)) {
      assertThatThrownBy(
              () -> noKey.appendWithConsentSalt(TestRecords.synthesis(1), new byte[] {1}))
          .isInstanceOf(LedgerUnsupportedException.class)
          .hasMessage("salted appends need consentSaltKey and endorsingOrganizations configured");
    }
  }

  @Test
  void appendWithConsentSalt_endorsersShortOfThePolicy_evidenceRefused() throws Exception {
    try (FabricLedger operatorOnly =
        FabricLedger.over(
            net.channel,
            net.operatorIdentity(),
            net.operatorSigner(),
            FakeFabric.CHANNEL,
            "voxproof",
            SALT_KEY,
            List.of(FakeFabric.OPERATOR))) {
      operatorOnly.appendWithConsentSalt(TestRecords.synthesis(8), new byte[] {1});
      FabricEvidence ev = (FabricEvidence) operatorOnly.evidence("manifest-8");
      assertThatThrownBy(() -> net.verifier().verify(ev))
          .hasMessage("unknown_key: no endorsement by AuditorMSP");
    }
  }

  @Test
  void gatewayRefusingTransientDataForUnnamedEndorsers_isExplained() {
    var refused =
        new org.hyperledger.fabric.client.EndorseException(
            "tx",
            io.grpc.Status.FAILED_PRECONDITION
                .withDescription(
                    "requires endorsement from organisation(s) that are not in the distribution"
                        + " policy of the private data collection(s): [consentSalts]; retry"
                        + " specifying trusted endorsing organizations to protect transient data")
                .asRuntimeException());
    assertThat(FabricErrors.map(refused))
        .isInstanceOf(LedgerStorageException.class)
        .hasMessage(
            "the gateway does not hand the consent salt to organisations outside collection"
                + " consentSalts unless the client names the endorsers: set"
                + " endorsingOrganizations to the chaincode's endorsement organisations");
  }

  @Test
  void evidence_verifiesOfflineAgainstTheChannelRoots() throws Exception {
    ledger.append(TestRecords.synthesis(1));
    ledger.append(TestRecords.synthesis(2));
    FabricEvidence ev = (FabricEvidence) ledger.evidence("manifest-2");
    assertThat(ev.entry()).isEqualTo(new LedgerEntry(2, TestRecords.synthesis(2)));
    VerifiedFabricTransaction t = net.verifier().verify(ev);
    assertThat(t.endorsingMsps()).containsExactly(FakeFabric.AUDITOR, FakeFabric.OPERATOR);
    assertThat(t.ordererMsps()).containsExactly(FakeFabric.ORDERER);
    assertThat(t.creatorMsp()).isEqualTo(FakeFabric.OPERATOR);
    assertThat(t.blockNumber()).isEqualTo(2);
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
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    List<String> all = new ArrayList<>();
    try (FileCheckpointer checkpointer = new FileCheckpointer(cp);
        AutoCloseable sub = ledger.subscribe(checkpointer, e -> seen.add(e.record().id()))) {
      all.add(take(seen));
      all.add(take(seen));
    }
    ledger.append(TestRecords.synthesis(3));
    ledger.recordErasure("erase-1", TestRecords.synthesis(1).consentCommitment(), Instant.EPOCH);
    try (FileCheckpointer checkpointer = new FileCheckpointer(cp);
        AutoCloseable sub = ledger.subscribe(checkpointer, e -> seen.add(e.record().id()))) {
      all.add(take(seen));
      all.add(take(seen));
      ledger.append(TestRecords.synthesis(4)); // a marker: nothing may come before it
      all.add(take(seen));
    }
    assertThat(all)
        .containsExactly("manifest-1", "manifest-2", "manifest-3", "erase-1", "manifest-4");
  }

  private static List<Byte> bytes(byte[] b) {
    List<Byte> out = new ArrayList<>();
    for (byte x : b) {
      out.add(x);
    }
    return out;
  }

  /** The next delivered event; the bound only stops a broken test from hanging. */
  private static String take(BlockingQueue<String> q) throws InterruptedException {
    String s = q.poll(30, TimeUnit.SECONDS);
    assertThat(s).as("event delivered").isNotNull();
    return s;
  }
}
