package org.voxproof.ledger;

import java.util.List;

/**
 * SPEC: RFC 9162 §2.1.3: the audit path of the leaf at {@code index} in the tree of {@code
 * treeSize}.
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> hashes) {
  public InclusionProof {
    leafHash = leafHash.clone();
    hashes = hashes.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  @Override
  public List<byte[]> hashes() {
    return hashes.stream().map(byte[]::clone).toList();
  }
}
