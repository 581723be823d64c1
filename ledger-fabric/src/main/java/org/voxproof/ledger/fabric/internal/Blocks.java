package org.voxproof.ledger.fabric.internal;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.voxproof.ledger.ProofVerificationException;

/** What Fabric's block format says, for checking and for producing evidence blocks. */
@SuppressWarnings("deprecation") // LAST_CONFIG: still written by v2.5 orderers, checked here
public final class Blocks {
  private Blocks() {}

  /**
   * SPEC: Fabric protoutil.BlockHeaderBytes: the DER encoding of SEQUENCE { INTEGER number, OCTET
   * STRING previous_hash, OCTET STRING data_hash } — what the orderer signs, and whose SHA-256 the
   * next block's previous_hash is.
   */
  public static byte[] headerBytes(BlockHeader h) {
    ASN1Encodable[] fields = {
      new ASN1Integer(new BigInteger(Long.toUnsignedString(h.getNumber()))),
      new DEROctetString(h.getPreviousHash().toByteArray()),
      new DEROctetString(h.getDataHash().toByteArray())
    };
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SPEC: Fabric protoutil.BlockDataHash: SHA-256 over the concatenated data entries. */
  public static byte[] dataHash(List<ByteString> data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      data.forEach(d -> md.update(d.asReadOnlyByteBuffer()));
      return md.digest();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The block as evidence carries it: the metadata the peer adds and nobody signs (transaction
   * validation flags, commit hash) cleared, so that every byte left is signed, hashed or checked.
   * The transaction's own validation code travels in its {@code ProcessedTransaction}.
   */
  public static Block forEvidence(Block b) {
    BlockMetadata.Builder md = BlockMetadata.newBuilder();
    for (int i = 0; i < b.getMetadata().getMetadataCount(); i++) {
      boolean signedOrChecked =
          i == BlockMetadataIndex.SIGNATURES_VALUE || i == BlockMetadataIndex.LAST_CONFIG_VALUE;
      md.addMetadata(signedOrChecked ? b.getMetadata().getMetadata(i) : ByteString.EMPTY);
    }
    return b.toBuilder().setMetadata(md).build();
  }

  /** The orderer-signed metadata of a block: the signed value and the signatures over it. */
  public record Signatures(
      OrdererBlockMetadata value, ByteString valueBytes, List<MetadataSignature> signatures) {}

  /**
   * Reads the block's {@code SIGNATURES} metadata and checks the rest of the metadata: the unsigned
   * {@code LAST_CONFIG} entry, when present, must name the same configuration block as the signed
   * one, and every later entry must be empty (see {@link #forEvidence}).
   */
  public static Signatures signatures(Block b) throws ProofVerificationException {
    List<ByteString> md = b.getMetadata().getMetadataList();
    if (md.size() <= BlockMetadataIndex.LAST_CONFIG_VALUE) {
      throw StrictProto.malformed("block " + b.getHeader().getNumber() + " has no signatures");
    }
    Metadata sigs =
        StrictProto.canonical(
            Metadata.parser(), md.get(BlockMetadataIndex.SIGNATURES_VALUE), "block signatures");
    OrdererBlockMetadata value =
        StrictProto.parse(OrdererBlockMetadata.parser(), sigs.getValue(), "orderer metadata");
    ByteString lastConfig = md.get(BlockMetadataIndex.LAST_CONFIG_VALUE);
    if (!lastConfig.isEmpty()) {
      Metadata m = StrictProto.canonical(Metadata.parser(), lastConfig, "last config");
      LastConfig lc = StrictProto.canonical(LastConfig.parser(), m.getValue(), "last config");
      if (m.getSignaturesCount() != 0 || lc.getIndex() != value.getLastConfig().getIndex()) {
        throw StrictProto.malformed("LAST_CONFIG metadata disagrees with the signed metadata");
      }
    }
    for (int i = BlockMetadataIndex.LAST_CONFIG_VALUE + 1; i < md.size(); i++) {
      if (!md.get(i).isEmpty()) {
        throw StrictProto.malformed("unsigned block metadata " + i + " must be empty");
      }
    }
    return new Signatures(value, sigs.getValue(), new ArrayList<>(sigs.getSignaturesList()));
  }

  /** SPEC: Fabric gossip mcs.VerifyBlock: value ‖ signature header ‖ header bytes. */
  public static byte[] signedBytes(ByteString value, MetadataSignature s, BlockHeader h) {
    return value
        .concat(s.getSignatureHeader())
        .concat(ByteString.copyFrom(headerBytes(h)))
        .toByteArray();
  }
}
