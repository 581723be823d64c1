package org.voxproof.ledger.fabric;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.voxproof.chaincode.InMemoryStub;
import org.voxproof.chaincode.ProvenanceChaincode;
import org.voxproof.ledger.fabric.internal.Blocks;

/**
 * A FAKE Fabric channel for tests: three organisations with their own CAs (an orderer organisation
 * and two application organisations, the operator and an auditor, node OUs on), a genesis
 * configuration block as configtxgen makes it (orderer {@code BlockValidation} = ANY Writers), one
 * orderer that cuts a block per transaction and signs it as a v2.5 orderer does, and peers that run
 * the REAL chaincode ({@link ProvenanceChaincode}) over an MVCC world state ({@link InMemoryStub})
 * and keep the blocks with the metadata a peer adds.
 */
final class FakeFabric {
  static final String CHANNEL = "voxproof";
  static final String OPERATOR = "VoxProofMSP";
  static final String AUDITOR = "AuditorMSP";
  static final String ORDERER = "OrdererMSP";
  private static final SecureRandom RANDOM = new SecureRandom();

  final TestPki ordererOrg = new TestPki("orderer.example.com");
  final TestPki operatorOrg = new TestPki("operator.example.com");
  final TestPki auditorOrg = new TestPki("auditor.example.com");
  final TestPki.Issued orderer = ordererOrg.issue("orderer0", "orderer");
  final Map<String, TestPki.Issued> peers;
  final InMemoryStub world = new InMemoryStub();
  final ProvenanceChaincode chaincode = new ProvenanceChaincode("voxproof_0.1.0:fake");

  /** How many other operator peers can receive private data (collection: requiredPeerCount 1). */
  volatile int reachableOperatorPeers = 1;

  private final List<Block> blocks = new CopyOnWriteArrayList<>();
  private final Map<String, Long> txBlock = new ConcurrentHashMap<>();
  private final Map<String, ProcessedTransaction> txs = new ConcurrentHashMap<>();

  FakeFabric() throws Exception {
    peers =
        Map.of(
            OPERATOR, operatorOrg.issue("peer0.operator", "peer"),
            AUDITOR, auditorOrg.issue("peer0.auditor", "peer"));
    blocks.add(genesis());
  }

  /** The MSP root certificates of the channel, as a verifier is given them. */
  List<java.security.cert.X509Certificate> mspRoots() {
    return List.of(ordererOrg.ca.cert(), operatorOrg.ca.cert(), auditorOrg.ca.cert());
  }

  TestPki pki(String msp) {
    return switch (msp) {
      case OPERATOR -> operatorOrg;
      case AUDITOR -> auditorOrg;
      default -> ordererOrg;
    };
  }

  int height() {
    return blocks.size();
  }

  Block block(long n) {
    return blocks.get((int) n);
  }

  Long blockOf(String txId) {
    return txBlock.get(txId);
  }

  ProcessedTransaction transaction(String txId) {
    return txs.get(txId);
  }

  Integer validationCode(String txId) {
    ProcessedTransaction pt = txs.get(txId);
    return pt == null ? null : pt.getValidationCode();
  }

  /** Orders one endorsed, client-signed transaction into its own block, as the peer stores it. */
  synchronized long order(Envelope env, String txId, boolean valid) {
    int code = valid ? TxValidationCode.VALID_VALUE : TxValidationCode.MVCC_READ_CONFLICT_VALUE;
    long number = blocks.size();
    BlockData data = BlockData.newBuilder().addData(env.toByteString()).build();
    BlockHeader header =
        BlockHeader.newBuilder()
            .setNumber(number)
            .setPreviousHash(
                ByteString.copyFrom(
                    sha256(Blocks.headerBytes(blocks.get((int) number - 1).getHeader()))))
            .setDataHash(ByteString.copyFrom(Blocks.dataHash(data.getDataList())))
            .build();
    Block block =
        Block.newBuilder()
            .setHeader(header)
            .setData(data)
            .setMetadata(metadata(header, code))
            .build();
    txs.put(
        txId,
        ProcessedTransaction.newBuilder()
            .setTransactionEnvelope(env)
            .setValidationCode(code)
            .build());
    blocks.add(block);
    txBlock.put(txId, number);
    return number;
  }

  /**
   * SPEC: Fabric orderer BlockWriter.addBlockSignature / addLastConfig, then the peer's entries.
   */
  private BlockMetadata metadata(BlockHeader header, int code) {
    ByteString value =
        OrdererBlockMetadata.newBuilder()
            .setLastConfig(LastConfig.newBuilder().setIndex(0))
            .setConsenterMetadata(
                Metadata.newBuilder()
                    .setValue(ByteString.copyFromUtf8("raft"))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    ByteString sh =
        SignatureHeader.newBuilder()
            .setCreator(identity(ORDERER, orderer))
            .setNonce(ByteString.copyFrom(nonce()))
            .build()
            .toByteString();
    MetadataSignature unsigned = MetadataSignature.newBuilder().setSignatureHeader(sh).build();
    ByteString sig = sign(orderer, Blocks.signedBytes(value, unsigned, header));
    Metadata signatures =
        Metadata.newBuilder()
            .setValue(value)
            .addSignatures(unsigned.toBuilder().setSignature(sig))
            .build();
    return peerMetadata(signatures.toByteString(), code);
  }

  private static BlockMetadata peerMetadata(ByteString signatures, int code) {
    return BlockMetadata.newBuilder()
        .addMetadata(signatures)
        .addMetadata(
            Metadata.newBuilder()
                .setValue(LastConfig.getDefaultInstance().toByteString())
                .build()
                .toByteString())
        .addMetadata(ByteString.copyFrom(new byte[] {(byte) code}))
        .addMetadata(ByteString.EMPTY)
        .addMetadata(
            Metadata.newBuilder().setValue(ByteString.copyFrom(nonce())).build().toByteString())
        .build();
  }

  /** SPEC: Fabric common/genesis: one unsigned CONFIG envelope, last config 0, no signatures. */
  private Block genesis() throws Exception {
    ConfigGroup orderers =
        ConfigGroup.newBuilder()
            .putGroups("OrdererOrg", org(ORDERER, ordererOrg))
            .putPolicies(
                "BlockValidation",
                policy(
                    Policy.PolicyType.IMPLICIT_META,
                    ImplicitMetaPolicy.newBuilder()
                        .setSubPolicy("Writers")
                        .setRule(ImplicitMetaPolicy.Rule.ANY)
                        .build()
                        .toByteString()))
            .build();
    ConfigGroup apps =
        ConfigGroup.newBuilder()
            .putGroups("OperatorOrg", org(OPERATOR, operatorOrg))
            .putGroups("AuditorOrg", org(AUDITOR, auditorOrg))
            .build();
    Config config =
        Config.newBuilder()
            .setChannelGroup(
                ConfigGroup.newBuilder()
                    .putGroups("Orderer", orderers)
                    .putGroups("Application", apps))
            .build();
    ChannelHeader ch =
        ChannelHeader.newBuilder()
            .setType(HeaderType.CONFIG_VALUE)
            .setChannelId(CHANNEL)
            .setTxId("0".repeat(64))
            .build();
    Payload payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(ch.toByteString())
                    .setSignatureHeader(
                        SignatureHeader.newBuilder()
                            .setNonce(ByteString.copyFrom(nonce()))
                            .build()
                            .toByteString()))
            .setData(ConfigEnvelope.newBuilder().setConfig(config).build().toByteString())
            .build();
    BlockData data =
        BlockData.newBuilder()
            .addData(
                Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString())
            .build();
    ByteString value =
        OrdererBlockMetadata.newBuilder()
            .setLastConfig(LastConfig.getDefaultInstance())
            .build()
            .toByteString();
    return Block.newBuilder()
        .setHeader(
            BlockHeader.newBuilder()
                .setNumber(0)
                .setDataHash(ByteString.copyFrom(Blocks.dataHash(data.getDataList()))))
        .setData(data)
        .setMetadata(peerMetadata(Metadata.newBuilder().setValue(value).build().toByteString(), 0))
        .build();
  }

  private static ConfigGroup org(String mspId, TestPki pki) {
    ByteString ca = pem(pki.ca.cert());
    FabricMSPConfig msp =
        FabricMSPConfig.newBuilder()
            .setName(mspId)
            .addRootCerts(ca)
            .setCryptoConfig(
                FabricCryptoConfig.newBuilder()
                    .setSignatureHashFamily("SHA2")
                    .setIdentityIdentifierHashFunction("SHA256"))
            .setFabricNodeOus(
                FabricNodeOUs.newBuilder()
                    .setEnable(true)
                    .setClientOuIdentifier(ou(ca, "client"))
                    .setPeerOuIdentifier(ou(ca, "peer"))
                    .setAdminOuIdentifier(ou(ca, "admin"))
                    .setOrdererOuIdentifier(ou(ca, "orderer")))
            .build();
    MSPConfig mc = MSPConfig.newBuilder().setType(0).setConfig(msp.toByteString()).build();
    SignaturePolicyEnvelope member =
        SignaturePolicyEnvelope.newBuilder()
            .setRule(
                SignaturePolicy.newBuilder()
                    .setNOutOf(
                        SignaturePolicy.NOutOf.newBuilder()
                            .setN(1)
                            .addRules(SignaturePolicy.newBuilder().setSignedBy(0))))
            .addIdentities(
                MSPPrincipal.newBuilder()
                    .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(
                        MSPRole.newBuilder()
                            .setMspIdentifier(mspId)
                            .setRole(MSPRole.MSPRoleType.MEMBER)
                            .build()
                            .toByteString()))
            .build();
    return ConfigGroup.newBuilder()
        .putValues(
            "MSP",
            ConfigValue.newBuilder().setValue(mc.toByteString()).setModPolicy("Admins").build())
        .putPolicies("Writers", policy(Policy.PolicyType.SIGNATURE, member.toByteString()))
        .putPolicies("Readers", policy(Policy.PolicyType.SIGNATURE, member.toByteString()))
        .build();
  }

  private static FabricOUIdentifier ou(ByteString ca, String name) {
    return FabricOUIdentifier.newBuilder()
        .setCertificate(ca)
        .setOrganizationalUnitIdentifier(name)
        .build();
  }

  private static ConfigPolicy policy(Policy.PolicyType type, ByteString value) {
    return ConfigPolicy.newBuilder()
        .setPolicy(Policy.newBuilder().setType(type.getNumber()).setValue(value))
        .setModPolicy("Admins")
        .build();
  }

  static ByteString pem(java.security.cert.X509Certificate c) {
    return ByteString.copyFromUtf8(Identities.toPemString(c));
  }

  static ByteString identity(String msp, TestPki.Issued who) {
    return SerializedIdentity.newBuilder()
        .setMspid(msp)
        .setIdBytes(pem(who.cert()))
        .build()
        .toByteString();
  }

  /** SHA256withECDSA, DER, normalised to low S as Fabric's signers do. */
  static ByteString sign(TestPki.Issued who, byte[] message) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(who.key());
      s.update(message);
      ASN1Sequence seq = ASN1Sequence.getInstance(s.sign());
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
      BigInteger sv = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
      BigInteger n = ((ECPrivateKey) who.key()).getParams().getOrder();
      if (sv.compareTo(n.shiftRight(1)) > 0) {
        sv = n.subtract(sv);
      }
      return ByteString.copyFrom(
          new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(sv)})
              .getEncoded());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] b) {
    return org.voxproof.ledger.fabric.internal.Ecdsa.sha256(b);
  }

  private static byte[] nonce() {
    byte[] n = new byte[24];
    RANDOM.nextBytes(n);
    return n;
  }

  static List<String> args(List<ByteString> raw) {
    List<String> out = new ArrayList<>();
    raw.forEach(a -> out.add(a.toString(StandardCharsets.UTF_8)));
    return out;
  }
}
