package org.voxproof.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * Offline check of {@link FabricEvidence}: the transaction is marked valid, sits in the block
 * (whose data hash matches), carries the client's signature, enough endorsements by peers whose
 * certificates chain to a trusted CA, and emitted this record's event. The orderer's block
 * signatures are checked against the channel configuration by Fabric tooling (docs/fabric.md).
 */
public final class FabricEvidenceVerifier {
  private final List<X509Certificate> trustedCas;
  private final int minEndorsements;

  private FabricEvidenceVerifier(List<X509Certificate> cas, int minEndorsements) {
    this.trustedCas = List.copyOf(cas);
    this.minEndorsements = minEndorsements;
  }

  /** Trusts endorsers whose certificate one of {@code cas} signed (or that is one of them). */
  public static FabricEvidenceVerifier trusting(List<X509Certificate> cas, int minEndorsements) {
    if (cas.isEmpty() || minEndorsements < 1) {
      throw new IllegalArgumentException("need a trusted CA and at least one endorsement");
    }
    return new FabricEvidenceVerifier(cas, minEndorsements);
  }

  public void verify(FabricEvidence ev) throws ProofVerificationException {
    try {
      ProcessedTransaction pt = ProcessedTransaction.parseFrom(ev.processedTransaction());
      if (pt.getValidationCode() != 0) {
        fail(Reason.MALFORMED, "transaction validation code " + pt.getValidationCode());
      }
      Envelope env = pt.getTransactionEnvelope();
      checkBlock(Block.parseFrom(ev.block()), env.toByteString(), ev.blockNumber());
      Payload payload = Payload.parseFrom(env.getPayload());
      ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      if (!ch.getChannelId().equals(ev.channel()) || !ch.getTxId().equals(ev.transactionId())) {
        fail(Reason.MALFORMED, "envelope is for another channel or transaction");
      }
      SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
      X509Certificate creator = cert(sh.getCreator());
      if (!valid(creator, env.getPayload(), env.getSignature())) {
        fail(Reason.BAD_SIGNATURE, "client signature on the transaction");
      }
      Transaction tx = Transaction.parseFrom(payload.getData());
      ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
      ByteString prp = cap.getAction().getProposalResponsePayload();
      checkEndorsements(cap.getAction().getEndorsementsList(), prp);
      ChaincodeAction action =
          ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(prp).getExtension());
      ChaincodeEvent event = ChaincodeEvent.parseFrom(action.getEvents());
      if (!FabricLedger.EVENT.equals(event.getEventName())
          || !Arrays.equals(event.getPayload().toByteArray(), ev.entry().record().encode())) {
        fail(Reason.LEAF_MISMATCH, "the transaction did not write this record");
      }
    } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
      fail(Reason.MALFORMED, "unreadable Fabric evidence: " + e.getMessage());
    }
  }

  private static void checkBlock(Block block, ByteString envelope, long number)
      throws ProofVerificationException {
    if (block.getHeader().getNumber() != number) {
      fail(Reason.MALFORMED, "block number differs");
    }
    MessageDigest md = sha256();
    block.getData().getDataList().forEach(d -> md.update(d.toByteArray()));
    // SPEC: Fabric BlockDataHash = SHA-256 over the concatenated block data entries.
    if (!MessageDigest.isEqual(md.digest(), block.getHeader().getDataHash().toByteArray())) {
      fail(Reason.ROOT_MISMATCH, "block data hash does not match its data");
    }
    if (!block.getData().getDataList().contains(envelope)) {
      fail(Reason.LEAF_MISMATCH, "the transaction is not in the block");
    }
  }

  private void checkEndorsements(List<Endorsement> endorsements, ByteString prp)
      throws ProofVerificationException, InvalidProtocolBufferException {
    List<X509Certificate> seen = new ArrayList<>();
    for (Endorsement e : endorsements) {
      X509Certificate c = cert(e.getEndorser());
      if (!valid(c, prp.concat(e.getEndorser()), e.getSignature())) {
        fail(Reason.BAD_SIGNATURE, "endorsement signature");
      }
      if (trusted(c) && !seen.contains(c)) {
        seen.add(c);
      }
    }
    if (seen.size() < minEndorsements) {
      fail(Reason.UNKNOWN_KEY, seen.size() + " trusted endorsements, need " + minEndorsements);
    }
  }

  private boolean trusted(X509Certificate c) {
    for (X509Certificate ca : trustedCas) {
      try {
        if (ca.equals(c)) {
          return true;
        }
        c.verify(ca.getPublicKey());
        return true;
      } catch (GeneralSecurityException e) {
        // not issued by this CA; try the next
      }
    }
    return false;
  }

  private static X509Certificate cert(ByteString serializedIdentity)
      throws ProofVerificationException, InvalidProtocolBufferException {
    SerializedIdentity id = SerializedIdentity.parseFrom(serializedIdentity);
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(id.getIdBytes().toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new ProofVerificationException(Reason.MALFORMED, "bad identity certificate");
    }
  }

  private static boolean valid(X509Certificate c, ByteString message, ByteString signature) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initVerify(c.getPublicKey());
      s.update(message.toByteArray());
      return s.verify(signature.toByteArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void fail(Reason r, String m) throws ProofVerificationException {
    throw new ProofVerificationException(r, m);
  }
}
