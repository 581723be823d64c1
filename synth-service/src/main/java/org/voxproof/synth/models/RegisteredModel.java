package org.voxproof.synth.models;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A voice model in the registry: which voice, under which consent, pinned to which SHA-256.
 *
 * @param voiceId the voice
 * @param consentId the consent it was registered against
 * @param commitmentHex that consent's commitment (hex)
 * @param sha256 the pinned SHA-256 of the ONNX file (64 lowercase hex digits)
 * @param registered when it was registered
 */
public record RegisteredModel(
    String voiceId, String consentId, String commitmentHex, String sha256, Instant registered) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public RegisteredModel {
    Objects.requireNonNull(voiceId, "voiceId");
    Objects.requireNonNull(consentId, "consentId");
    Objects.requireNonNull(registered, "registered");
    if (!HEX64.matcher(sha256).matches() || !HEX64.matcher(commitmentHex).matches()) {
      throw new IllegalArgumentException("sha256 and commitment must be 64 lowercase hex digits");
    }
  }

  /** A model id safe for manifests and ledger records: {@code piper-<first 16 hex of sha256>}. */
  public String modelId() {
    return "piper-" + sha256.substring(0, 16);
  }
}
