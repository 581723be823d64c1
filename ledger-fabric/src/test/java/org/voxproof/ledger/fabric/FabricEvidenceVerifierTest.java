package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;
import org.voxproof.ledger.TestRecords;
import org.voxproof.ledger.fabric.internal.Blocks;

/** The offline Fabric verifier: what passes, every changed byte, and forged configurations. */
class FabricEvidenceVerifierTest {
  private static FakeNetwork net;
  private static FabricEvidence ev;

  @BeforeAll
  static void record() throws Exception {
    net = new FakeNetwork();
    try (FabricLedger ledger = net.ledger(null)) {
      ledger.append(TestRecords.synthesis(1));
      ledger.append(TestRecords.synthesis(2));
      ev = (FabricEvidence) ledger.evidence("manifest-2");
    }
  }

  @AfterAll
  static void close() throws Exception {
    net.close();
  }

  private static FabricEvidence with(UnaryOperator<FabricTransactionProof> change) {
    return new FabricEvidence(ev.entry(), change.apply(ev.transaction()));
  }

  private static FabricTransactionProof proof(byte[] pt, byte[] block, byte[] config) {
    FabricTransactionProof p = ev.transaction();
    return new FabricTransactionProof(
        p.channel(), p.transactionId(), p.blockNumber(), pt, block, config);
  }

  private static void assertFails(FabricEvidence e, Reason reason, String message) {
    assertThatThrownBy(() -> net.verifier().verify(e))
        .isInstanceOfSatisfying(
            ProofVerificationException.class, x -> assertThat(x.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }

  @Test
  void verify_evidenceOfTheChannel_passes() throws Exception {
    VerifiedFabricTransaction t = net.verifier().verify(ev);
    assertThat(t.channel()).isEqualTo("voxproof");
    assertThat(t.transactionId()).isEqualTo(ev.transaction().transactionId());
    assertThat(t.endorsingMsps()).containsExactly("AuditorMSP", "VoxProofMSP");
  }

  @Test
  void verify_otherRecord_fails() {
    FabricEvidence swapped =
        new FabricEvidence(new LedgerEntry(2, TestRecords.synthesis(1)), ev.transaction());
    assertFails(swapped, Reason.LEAF_MISMATCH, "the transaction did not write this record");
  }

  @Test
  void verify_otherChaincodeName_fails() {
    FabricEvidenceVerifier v =
        FabricEvidenceVerifier.builder()
            .trustMspRoots(net.fabric.mspRoots())
            .chaincode("other")
            .build();
    assertThatThrownBy(() -> v.verify(ev)).hasMessageContaining("did not write this record");
  }

  @Test
  void verify_untrustedOrExtraRoots_fail() throws Exception {
    TestPki stranger = new TestPki("stranger.example.com");
    FabricEvidenceVerifier missingAuditor =
        FabricEvidenceVerifier.builder()
            .trustMspRoots(
                List.of(net.fabric.ordererOrg.ca.cert(), net.fabric.operatorOrg.ca.cert()))
            .build();
    assertThatThrownBy(() -> missingAuditor.verify(ev))
        .hasMessage("unknown_key: the roots of MSP AuditorMSP are not trusted");
    List<java.security.cert.X509Certificate> extra = new ArrayList<>(net.fabric.mspRoots());
    extra.add(stranger.ca.cert());
    assertThatThrownBy(
            () -> FabricEvidenceVerifier.builder().trustMspRoots(extra).build().verify(ev))
        .hasMessage(
            "unknown_key: trusted root O=stranger.example.com,CN=ca.stranger.example.com is not an"
                + " endorsing or block-signing organisation of channel voxproof");
  }

  @Test
  void verify_invalidTransaction_fails() {
    FabricTransactionProof p = ev.transaction();
    byte[] invalid =
        ProcessedTransaction.newBuilder(parse(p.processedTransaction()))
            .setValidationCode(11)
            .build()
            .toByteArray();
    assertFails(
        with(x -> proof(invalid, x.block(), x.configBlock())),
        Reason.MALFORMED,
        "validation code 11");
  }

  @Test
  void verify_blockWithUnsignedPeerMetadata_fails() {
    FabricTransactionProof p = ev.transaction();
    byte[] peerBlock = net.fabric.block(p.blockNumber()).toByteArray();
    assertFails(
        with(x -> proof(x.processedTransaction(), peerBlock, x.configBlock())),
        Reason.MALFORMED,
        "unsigned block metadata 2 must be empty");
  }

  @Test
  void verify_endorsedByTheOperatorAlone_fails() throws Exception {
    try (Gateway g =
            Gateway.newInstance()
                .identity(net.operatorIdentity())
                .signer(net.operatorSigner())
                .hash(Hash.SHA256)
                .connection(net.channel)
                .connect();
        FabricLedger ledger = net.ledger(null)) {
      Contract c = g.getNetwork(FakeFabric.CHANNEL).getContract("voxproof");
      LedgerRecord r = TestRecords.synthesis(7);
      c.newProposal("Record")
          .addArguments(Base64.getEncoder().encodeToString(r.encode()))
          .setEndorsingOrganizations(FakeFabric.OPERATOR)
          .build()
          .endorse()
          .submit();
      FabricEvidence alone = (FabricEvidence) ledger.evidence(r.id());
      assertThatThrownBy(() -> net.verifier().verify(alone))
          .hasMessage("unknown_key: no endorsement by AuditorMSP");
    }
  }

  @Test
  void verify_forgedConfigMovingTheAuditorToTheOrderers_fails() throws Exception {
    byte[] forged =
        forgeConfig(
            root -> {
              ConfigGroup app = root.getGroupsOrThrow("Application");
              ConfigGroup ord = root.getGroupsOrThrow("Orderer");
              return root.toBuilder()
                  .putGroups("Application", app.toBuilder().removeGroups("AuditorOrg").build())
                  .putGroups(
                      "Orderer",
                      ord.toBuilder()
                          .putGroups("AuditorOrg", app.getGroupsOrThrow("AuditorOrg"))
                          .build())
                  .build();
            });
    assertFails(
        with(x -> proof(x.processedTransaction(), x.block(), forged)),
        Reason.UNKNOWN_KEY,
        "trusted root O=auditor.example.com,CN=ca.auditor.example.com is not an endorsing or block-signing");
  }

  @Test
  void verify_forgedConfigGivingTheOperatorRootToTheAuditor_fails() throws Exception {
    byte[] forged =
        forgeConfig(
            root -> {
              ConfigGroup app = root.getGroupsOrThrow("Application");
              ConfigGroup auditor = app.getGroupsOrThrow("AuditorOrg");
              FabricMSPConfig operatorMsp = msp(app.getGroupsOrThrow("OperatorOrg"));
              FabricMSPConfig impostor = operatorMsp.toBuilder().setName("AuditorMSP").build();
              MSPConfig mc = MSPConfig.newBuilder().setConfig(impostor.toByteString()).build();
              ConfigGroup forgedAuditor =
                  auditor.toBuilder()
                      .putValues(
                          "MSP",
                          auditor.getValuesOrThrow("MSP").toBuilder()
                              .setValue(mc.toByteString())
                              .build())
                      .build();
              return root.toBuilder()
                  .putGroups(
                      "Application", app.toBuilder().putGroups("AuditorOrg", forgedAuditor).build())
                  .build();
            });
    assertFails(
        with(x -> proof(x.processedTransaction(), x.block(), forged)),
        Reason.MALFORMED,
        "a root certificate serves two MSPs");
  }

  private static FabricMSPConfig msp(ConfigGroup org) {
    try {
      return FabricMSPConfig.parseFrom(
          MSPConfig.parseFrom(org.getValuesOrThrow("MSP").getValue()).getConfig());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verify_forgedBlockValidationPolicy_fails() throws Exception {
    byte[] forged =
        forgeConfig(
            root -> {
              ConfigGroup ord = root.getGroupsOrThrow("Orderer");
              ConfigPolicy auditorWriters =
                  root.getGroupsOrThrow("Application")
                      .getGroupsOrThrow("AuditorOrg")
                      .getPoliciesOrThrow("Writers");
              return root.toBuilder()
                  .putGroups(
                      "Orderer",
                      ord.toBuilder().putPolicies("BlockValidation", auditorWriters).build())
                  .build();
            });
    assertFails(
        with(x -> proof(x.processedTransaction(), x.block(), forged)),
        Reason.UNKNOWN_KEY,
        "does not satisfy BlockValidation");
  }

  /** The genesis configuration block with its channel group changed (and its data hash redone). */
  private static byte[] forgeConfig(UnaryOperator<ConfigGroup> change) throws Exception {
    Block config = Block.parseFrom(ev.transaction().configBlock());
    Envelope env = Envelope.parseFrom(config.getData().getData(0));
    Payload payload = Payload.parseFrom(env.getPayload());
    ConfigEnvelope ce = ConfigEnvelope.parseFrom(payload.getData());
    Config forged =
        ce.getConfig().toBuilder()
            .setChannelGroup(change.apply(ce.getConfig().getChannelGroup()))
            .build();
    Payload p2 =
        payload.toBuilder()
            .setData(ce.toBuilder().setConfig(forged).build().toByteString())
            .build();
    BlockData data =
        BlockData.newBuilder()
            .addData(env.toBuilder().setPayload(p2.toByteString()).build().toByteString())
            .build();
    return config.toBuilder()
        .setData(data)
        .setHeader(
            config.getHeader().toBuilder()
                .setDataHash(ByteString.copyFrom(Blocks.dataHash(data.getDataList()))))
        .build()
        .toByteArray();
  }

  private static ProcessedTransaction parse(byte[] b) {
    try {
      return ProcessedTransaction.parseFrom(b);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
