package org.voxproof.provenance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * For tests (here and in other modules): an evidence bundle around given ledger findings, signed by
 * the key ring's evidence credential — a valid manifest, a found watermark, status active.
 */
public final class TestBundles {
  private TestBundles() {}

  /** The evidence: fixed audio hash and size, the watermark payload {@code watermarkHex}. */
  public static Evidence evidence(LedgerFindings ledger, String watermarkHex) {
    return new Evidence(
        "ab".repeat(32),
        1234,
        Instant.now(),
        new Evidence.ManifestFindings(true, "valid", "urn:uuid:x", "VoxProof", List.of()),
        new Evidence.WatermarkFindings(true, Optional.of(watermarkHex), OptionalDouble.empty()),
        Optional.of(ledger),
        "active",
        "verified-synthetic",
        List.of());
  }

  /** The signed bundle (compact JWS) of {@link #evidence}. */
  public static String sign(KeyRing ring, LedgerFindings ledger, String watermarkHex)
      throws Exception {
    return EvidenceSigner.builder().keyRing(ring).build().sign(evidence(ledger, watermarkHex));
  }
}
