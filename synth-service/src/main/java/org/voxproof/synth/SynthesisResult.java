package org.voxproof.synth;

import java.util.Objects;
import java.util.UUID;
import org.voxproof.policy.Obligations;

/**
 * Released audio — only after every step succeeded: watermarked, encoded, signed (manifest
 * embedded) and recorded durably in the ledger.
 *
 * @param audio the file's bytes (manifest embedded)
 * @param format its format
 * @param manifestId the manifest id ({@code X-VoxProof-Manifest-Id}; the ledger record's id)
 * @param ledgerIndex the record's index ({@code X-VoxProof-Ledger-Index})
 * @param watermarkPayload the watermark payload (8 hex digits)
 * @param engine the engine's name
 * @param modelId the voice model's id
 * @param seconds the audio's duration
 * @param obligations what the jurisdiction required (disclosure spoken, manifest label)
 * @param timing where the time went
 */
public record SynthesisResult(
    byte[] audio,
    OutputFormat format,
    UUID manifestId,
    long ledgerIndex,
    String watermarkPayload,
    String engine,
    String modelId,
    double seconds,
    Obligations obligations,
    Timing timing) {
  public SynthesisResult {
    audio = Objects.requireNonNull(audio, "audio").clone();
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(manifestId, "manifestId");
    Objects.requireNonNull(obligations, "obligations");
    Objects.requireNonNull(timing, "timing");
  }

  @Override
  public byte[] audio() {
    return audio.clone();
  }

  /**
   * Nanoseconds per step; the gateway's own overhead is {@code total - engine}.
   *
   * @param checksNanos request checks, rate limit, policy, voice choice
   * @param engineNanos the engine call
   * @param loudnessNanos output checks and loudness normalisation
   * @param watermarkNanos watermark embedding (and payload allocation)
   * @param encodeNanos encoding
   * @param signNanos manifest building, signing and embedding
   * @param ledgerNanos the durable ledger append
   * @param totalNanos everything
   */
  public record Timing(
      long checksNanos,
      long engineNanos,
      long loudnessNanos,
      long watermarkNanos,
      long encodeNanos,
      long signNanos,
      long ledgerNanos,
      long totalNanos) {
    public long overheadNanos() {
      return totalNanos - engineNanos;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SynthesisResult r
        && r.manifestId.equals(manifestId)
        && java.util.Arrays.equals(r.audio, audio);
  }

  @Override
  public int hashCode() {
    return manifestId.hashCode();
  }

  @Override
  public String toString() {
    return "SynthesisResult[" + manifestId + ", ledger " + ledgerIndex + ", " + format + "]";
  }
}
