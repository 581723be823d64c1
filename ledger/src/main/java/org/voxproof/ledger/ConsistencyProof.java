package org.voxproof.ledger;

import java.util.List;

/** SPEC: RFC 9162 §2.1.4: proof that the tree of {@code fromSize} is a prefix of {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> hashes) {
  public ConsistencyProof {
    hashes = hashes.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> hashes() {
    return hashes.stream().map(byte[]::clone).toList();
  }
}
