package org.voxproof.provenance;

import java.util.Objects;

/**
 * An audio file with its embedded manifest, the manifest's label and the SHA-256 of the embedded
 * manifest store (what a ledger record's {@code manifestHash} holds).
 */
public record SignedAudio(byte[] audio, String manifestLabel, byte[] manifestStoreSha256) {
  public SignedAudio {
    audio = audio.clone();
    Objects.requireNonNull(manifestLabel);
    manifestStoreSha256 = manifestStoreSha256.clone();
  }

  @Override
  public byte[] audio() {
    return audio.clone();
  }

  @Override
  public byte[] manifestStoreSha256() {
    return manifestStoreSha256.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedAudio s
        && java.util.Arrays.equals(s.audio, audio)
        && s.manifestLabel.equals(manifestLabel);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(audio);
  }

  @Override
  public String toString() {
    return "SignedAudio[" + audio.length + " bytes, " + manifestLabel + "]";
  }
}
