package org.voxproof.ledger.fabric.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * A channel configuration bound to the verifier's trusted MSP roots, and the checks that need it:
 * members, orderer block signatures. The binding (see docs/fabric.md, "Trust"): no root may serve
 * two MSPs, every application organisation's MSP and every MSP whose identity is used must have
 * only trusted roots, and every trusted root must belong to an application organisation or to an
 * orderer organisation that signed the block being checked — so a configuration that drops, moves
 * or duplicates a trusted organisation does not verify.
 */
public final class TrustedChannel {
  private final String channel;
  private final long configNumber;
  private final ChannelConfig config;
  private final List<X509Certificate> trusted;

  private TrustedChannel(
      String channel, long configNumber, ChannelConfig config, List<X509Certificate> trusted) {
    this.channel = channel;
    this.configNumber = configNumber;
    this.config = config;
    this.trusted = trusted;
  }

  /** Reads a configuration block (its data hash checked) and binds it to the trusted roots. */
  public static TrustedChannel of(Block configBlock, String channel, List<X509Certificate> trusted)
      throws ProofVerificationException {
    requireDataHash(configBlock);
    if (configBlock.getData().getDataCount() != 1) {
      throw StrictProto.malformed("a configuration block holds one envelope");
    }
    Envelope env = StrictProto.parse(Envelope.parser(), configBlock.getData().getData(0), "config");
    Payload p = StrictProto.parse(Payload.parser(), env.getPayload(), "config payload");
    ChannelHeader ch =
        StrictProto.parse(ChannelHeader.parser(), p.getHeader().getChannelHeader(), "header");
    if (ch.getType() != HeaderType.CONFIG_VALUE || !ch.getChannelId().equals(channel)) {
      throw StrictProto.malformed("not a configuration block of channel " + channel);
    }
    ConfigEnvelope ce = StrictProto.parse(ConfigEnvelope.parser(), p.getData(), "config");
    ChannelConfig config = ChannelConfig.of(ce.getConfig());
    requireOneMspPerRoot(config);
    TrustedChannel t =
        new TrustedChannel(channel, configBlock.getHeader().getNumber(), config, trusted);
    for (String app : config.applicationOrgs()) {
      t.requireTrusted(app);
    }
    return t;
  }

  /** The application organisations, each of which must endorse. */
  public Set<String> applicationOrgs() {
    return config.applicationOrgs();
  }

  public long configNumber() {
    return configNumber;
  }

  /** Validates an identity (serialized {@code msp.SerializedIdentity}) against its trusted MSP. */
  public Msp.Member member(com.google.protobuf.ByteString serializedIdentity, Set<String> among)
      throws ProofVerificationException {
    SerializedIdentity id =
        StrictProto.parse(SerializedIdentity.parser(), serializedIdentity, "identity");
    if (!among.contains(id.getMspid())) {
      throw new ProofVerificationException(
          Reason.UNKNOWN_KEY, "identity of MSP " + id.getMspid() + " is not allowed here");
    }
    Msp msp = requireTrusted(id.getMspid());
    try {
      return msp.validate(Ecdsa.certificate(id.getIdBytes().toByteArray()))
          .orElseThrow(
              () ->
                  new ProofVerificationException(
                      Reason.UNKNOWN_KEY, "certificate is not a valid member of " + msp.id()));
    } catch (java.security.GeneralSecurityException e) {
      throw StrictProto.malformed("unreadable certificate of MSP " + id.getMspid());
    }
  }

  /**
   * Checks the orderer's signatures on a block: every signature valid, by an orderer organisation's
   * member, together satisfying {@code BlockValidation}, and the signed metadata naming this
   * configuration. Returns the signing MSPs. With {@code genesis} (the unsigned first block
   * configtxgen makes) no signature is needed.
   */
  public Set<String> checkOrdererSignatures(Block block, boolean genesis)
      throws ProofVerificationException {
    Blocks.Signatures s = Blocks.signatures(block);
    if (s.value().getLastConfig().getIndex() != configNumber) {
      throw StrictProto.malformed(
          "block " + block.getHeader().getNumber() + " was ordered under another configuration");
    }
    List<ChannelConfig.Signer> signers = new ArrayList<>();
    Set<String> msps = new HashSet<>();
    for (MetadataSignature sig : s.signatures()) {
      if (sig.getSignatureHeader().isEmpty()) {
        throw StrictProto.malformed("BFT identifier headers are not supported");
      }
      SignatureHeader sh =
          StrictProto.parse(SignatureHeader.parser(), sig.getSignatureHeader(), "signature header");
      Msp.Member m = member(sh.getCreator(), config.ordererOrgs());
      byte[] signed = Blocks.signedBytes(s.valueBytes(), sig, block.getHeader());
      if (!Ecdsa.verify(m.cert(), signed, sig.getSignature().toByteArray())) {
        throw new ProofVerificationException(
            Reason.BAD_SIGNATURE, "orderer signature on block " + block.getHeader().getNumber());
      }
      signers.add(new ChannelConfig.Signer(m, sh.getCreator()));
      msps.add(m.msp().id());
    }
    if (!(genesis && signers.isEmpty())
        && (signers.isEmpty() || !config.blockValidation(signers))) {
      throw new ProofVerificationException(
          Reason.UNKNOWN_KEY,
          "block " + block.getHeader().getNumber() + " does not satisfy BlockValidation");
    }
    return msps;
  }

  /**
   * Checks that every trusted root belongs to an application organisation or to one of {@code
   * signingOrderers} (see the class comment).
   */
  public void requireAllRootsAccounted(Set<String> signingOrderers)
      throws ProofVerificationException {
    Set<String> accounted = new HashSet<>(config.applicationOrgs());
    accounted.addAll(signingOrderers);
    for (X509Certificate root : trusted) {
      boolean found = false;
      for (String id : accounted) {
        found |= config.msps().get(id).roots().contains(root);
      }
      if (!found) {
        throw new ProofVerificationException(
            Reason.UNKNOWN_KEY,
            "trusted root "
                + root.getSubjectX500Principal().getName()
                + " is not an endorsing or block-signing organisation of channel "
                + channel);
      }
    }
  }

  private Msp requireTrusted(String mspId) throws ProofVerificationException {
    Msp msp = config.msps().get(mspId);
    if (msp == null) {
      throw new ProofVerificationException(Reason.UNKNOWN_KEY, "no MSP " + mspId + " on channel");
    }
    if (!trusted.containsAll(msp.roots())) {
      throw new ProofVerificationException(
          Reason.UNKNOWN_KEY, "the roots of MSP " + mspId + " are not trusted");
    }
    return msp;
  }

  private static void requireOneMspPerRoot(ChannelConfig config) throws ProofVerificationException {
    Set<X509Certificate> seen = new HashSet<>();
    for (Map.Entry<String, Msp> e : config.msps().entrySet()) {
      for (X509Certificate r : e.getValue().roots()) {
        if (!seen.add(r)) {
          throw StrictProto.malformed("a root certificate serves two MSPs");
        }
      }
    }
  }

  /** Checks a block's header data hash against its data. */
  public static void requireDataHash(Block b) throws ProofVerificationException {
    BlockHeader h = b.getHeader();
    if (!java.security.MessageDigest.isEqual(
        Blocks.dataHash(b.getData().getDataList()), h.getDataHash().toByteArray())) {
      throw new ProofVerificationException(
          Reason.ROOT_MISMATCH, "block " + h.getNumber() + " data hash does not match its data");
    }
  }
}
