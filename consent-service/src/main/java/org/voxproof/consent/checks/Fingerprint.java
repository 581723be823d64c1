package org.voxproof.consent.checks;

/**
 * An audio fingerprint as non-reversible landmark hashes (keyed; the audio cannot be rebuilt from
 * them), used only to refuse replays.
 */
public record Fingerprint(long[] hashes) {
  public Fingerprint {
    hashes = hashes.clone();
  }

  @Override
  public long[] hashes() {
    return hashes.clone();
  }
}
