package org.voxproof.ledger.fabric;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;
import org.voxproof.ledger.fabric.internal.Ecdsa;
import org.voxproof.ledger.fabric.internal.Msp;
import org.voxproof.ledger.fabric.internal.StrictProto;
import org.voxproof.ledger.fabric.internal.TrustedChannel;

/**
 * Offline check of Fabric evidence against the channel's MSP root certificates (the verifier's
 * trust input, like an operator root for the evidence bundle): the channel configuration block,
 * bound to those roots; the orderer's signatures on the transaction's block under the
 * configuration's {@code BlockValidation} policy; the block's data hash and that it holds the
 * transaction; the transaction's validation code, client signature and transaction id; one
 * endorsement by a peer of every application organisation, each signature valid; and the chaincode
 * event the endorsers signed: the record (or, for the hybrid backend, the checkpoint). Every byte
 * of the evidence is signed, hashed or checked, so any change fails (docs/fabric.md).
 *
 * <pre>{@code
 * FabricEvidenceVerifier v = FabricEvidenceVerifier.builder()
 *     .trustMspRoots(Certs.parsePem(channelRootsPem))
 *     .build();
 * VerifiedFabricTransaction t = v.verify(evidence); // or throws ProofVerificationException
 * }</pre>
 */
public final class FabricEvidenceVerifier {
  private final List<X509Certificate> roots;
  private final String chaincode;

  private FabricEvidenceVerifier(List<X509Certificate> roots, String chaincode) {
    this.roots = List.copyOf(roots);
    this.chaincode = chaincode;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: the channel's MSP roots are required; the chaincode defaults to {@code voxproof}. */
  public static final class Builder {
    private final List<X509Certificate> roots = new ArrayList<>();
    private String chaincode = "voxproof";

    private Builder() {}

    /** The root CA certificates of the channel's MSPs (orderer and application organisations). */
    public Builder trustMspRoots(List<X509Certificate> certs) {
      roots.addAll(certs);
      return this;
    }

    /** The name the project's chaincode is committed under on the channel. */
    public Builder chaincode(String name) {
      this.chaincode = Objects.requireNonNull(name);
      return this;
    }

    public FabricEvidenceVerifier build() {
      if (roots.isEmpty()) {
        throw new IllegalStateException("FabricEvidenceVerifier needs the channel's MSP roots");
      }
      return new FabricEvidenceVerifier(roots, chaincode);
    }
  }

  /** Verifies that the evidence's transaction wrote its record ({@code voxproof.record} event). */
  public VerifiedFabricTransaction verify(FabricEvidence ev) throws ProofVerificationException {
    return verifyTransaction(ev.transaction(), FabricLedger.EVENT, ev.entry().record().encode());
  }

  /** Verifies that the transaction anchored exactly this signed checkpoint note. */
  public VerifiedFabricTransaction verifyAnchor(FabricTransactionProof p, String checkpointNote)
      throws ProofVerificationException {
    return verifyTransaction(
        p, AnchoredLedger.EVENT, checkpointNote.getBytes(StandardCharsets.UTF_8));
  }

  /** Verifies the transaction and that its chaincode event is {@code name} with {@code payload}. */
  public VerifiedFabricTransaction verifyTransaction(
      FabricTransactionProof p, String eventName, byte[] payload)
      throws ProofVerificationException {
    Block config =
        StrictProto.canonical(Block.parser(), ByteString.copyFrom(p.configBlock()), "config block");
    Block block = StrictProto.canonical(Block.parser(), ByteString.copyFrom(p.block()), "block");
    ProcessedTransaction pt =
        StrictProto.canonical(
            ProcessedTransaction.parser(),
            ByteString.copyFrom(p.processedTransaction()),
            "processed transaction");
    if (block.getHeader().getNumber() != p.blockNumber()) {
      throw malformed("block number differs");
    }
    if (pt.getValidationCode() != 0) {
      throw malformed("transaction validation code " + pt.getValidationCode());
    }
    TrustedChannel channel = TrustedChannel.of(config, p.channel(), roots);
    long configNumber = config.getHeader().getNumber();
    channel.checkOrdererSignatures(config, configNumber == 0);
    TrustedChannel.requireDataHash(block);
    Set<String> orderers = channel.checkOrdererSignatures(block, false);
    channel.requireAllRootsAccounted(orderers);
    if (!block.getData().getDataList().contains(pt.getTransactionEnvelope().toByteString())) {
      throw new ProofVerificationException(
          Reason.LEAF_MISMATCH, "the transaction is not in the block");
    }
    Endorsed tx = endorsed(pt.getTransactionEnvelope(), p, channel);
    if (!tx.event.getEventName().equals(eventName)
        || !tx.event.getPayload().equals(ByteString.copyFrom(payload))
        || !tx.event.getChaincodeId().equals(chaincode)
        || !tx.event.getTxId().equals(p.transactionId())) {
      throw new ProofVerificationException(
          Reason.LEAF_MISMATCH, "the transaction did not write this " + what(eventName));
    }
    return new VerifiedFabricTransaction(
        p.channel(),
        p.transactionId(),
        p.blockNumber(),
        tx.creator,
        List.copyOf(tx.endorsers),
        List.copyOf(new TreeSet<>(orderers)));
  }

  private record Endorsed(String creator, Set<String> endorsers, ChaincodeEvent event) {}

  private Endorsed endorsed(Envelope env, FabricTransactionProof p, TrustedChannel channel)
      throws ProofVerificationException {
    Payload payload = StrictProto.parse(Payload.parser(), env.getPayload(), "payload");
    ChannelHeader ch =
        StrictProto.parse(ChannelHeader.parser(), payload.getHeader().getChannelHeader(), "header");
    SignatureHeader sh =
        StrictProto.parse(
            SignatureHeader.parser(), payload.getHeader().getSignatureHeader(), "header");
    if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE
        || !ch.getChannelId().equals(p.channel())
        || !ch.getTxId().equals(p.transactionId())) {
      throw malformed("envelope is for another channel or transaction");
    }
    // SPEC: Fabric protoutil.ComputeTxID: hex(SHA-256(nonce ‖ creator)).
    String txId =
        HexFormat.of()
            .formatHex(Ecdsa.sha256(sh.getNonce().toByteArray(), sh.getCreator().toByteArray()));
    if (!txId.equals(p.transactionId())) {
      throw malformed("transaction id is not derived from its nonce and creator");
    }
    Msp.Member creator = channel.member(sh.getCreator(), channel.applicationOrgs());
    if (!Ecdsa.verify(
        creator.cert(), env.getPayload().toByteArray(), env.getSignature().toByteArray())) {
      throw new ProofVerificationException(
          Reason.BAD_SIGNATURE, "client signature on the transaction");
    }
    Transaction tx = StrictProto.parse(Transaction.parser(), payload.getData(), "transaction");
    if (tx.getActionsCount() != 1) {
      throw malformed("a chaincode transaction has one action");
    }
    ChaincodeActionPayload cap =
        StrictProto.parse(ChaincodeActionPayload.parser(), tx.getActions(0).getPayload(), "action");
    ByteString prp = cap.getAction().getProposalResponsePayload();
    Set<String> endorsers = endorsers(cap.getAction().getEndorsementsList(), prp, channel);
    ProposalResponsePayload response =
        StrictProto.parse(ProposalResponsePayload.parser(), prp, "proposal response");
    ChaincodeAction action =
        StrictProto.parse(ChaincodeAction.parser(), response.getExtension(), "chaincode action");
    if (action.getResponse().getStatus() != 200) {
      throw malformed("the chaincode did not succeed");
    }
    ChaincodeEvent event = StrictProto.parse(ChaincodeEvent.parser(), action.getEvents(), "event");
    return new Endorsed(creator.msp().id(), endorsers, event);
  }

  private static Set<String> endorsers(
      List<Endorsement> endorsements, ByteString prp, TrustedChannel channel)
      throws ProofVerificationException {
    Set<String> msps = new TreeSet<>();
    for (Endorsement e : endorsements) {
      Msp.Member m = channel.member(e.getEndorser(), channel.applicationOrgs());
      if (!m.msp().canEndorse(m)) {
        throw new ProofVerificationException(Reason.UNKNOWN_KEY, "endorser is not a peer");
      }
      if (!Ecdsa.verify(
          m.cert(), prp.concat(e.getEndorser()).toByteArray(), e.getSignature().toByteArray())) {
        throw new ProofVerificationException(Reason.BAD_SIGNATURE, "endorsement signature");
      }
      msps.add(m.msp().id());
    }
    if (!msps.containsAll(channel.applicationOrgs())) {
      Set<String> missing = new TreeSet<>(channel.applicationOrgs());
      missing.removeAll(msps);
      throw new ProofVerificationException(
          Reason.UNKNOWN_KEY, "no endorsement by " + String.join(", ", missing));
    }
    return msps;
  }

  private static String what(String eventName) {
    return AnchoredLedger.EVENT.equals(eventName) ? "checkpoint" : "record";
  }

  private static ProofVerificationException malformed(String m) {
    return new ProofVerificationException(Reason.MALFORMED, m);
  }
}
