package org.voxproof.synth.models;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The consent a voice model is registered against: its id and its salted commitment (what a ledger
 * erasure record carries).
 */
public record ConsentRef(String consentId, byte[] commitment) {
  public ConsentRef {
    Objects.requireNonNull(consentId, "consentId");
    if (commitment == null || commitment.length != 32) {
      throw new IllegalArgumentException("commitment must be 32 bytes");
    }
    commitment = commitment.clone();
  }

  @Override
  public byte[] commitment() {
    return commitment.clone();
  }

  public String commitmentHex() {
    return HexFormat.of().formatHex(commitment);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsentRef c
        && c.consentId.equals(consentId)
        && java.util.Arrays.equals(c.commitment, commitment);
  }

  @Override
  public int hashCode() {
    return consentId.hashCode();
  }

  @Override
  public String toString() {
    return "ConsentRef[" + consentId + "]";
  }
}
