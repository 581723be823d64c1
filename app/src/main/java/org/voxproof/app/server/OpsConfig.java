package org.voxproof.app.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code voxproof serve} is operated, beside {@link ServerConfig}: the profile, the consent
 * checks' models (assurance {@code high} needs both), and who may read {@code /metrics}.
 *
 * @param profile evaluation or production
 * @param speakerModel an ONNX speaker encoder (WeSpeaker/3D-Speaker export), or null for the
 *     built-in baseline
 * @param speakerThreshold cosine similarity a recording needs against the reference samples
 * @param antiSpoofModel an ONNX anti-spoofing model (AASIST-style), or null for none
 * @param antiSpoofThreshold spoof score at or above which a recording is {@code synthetic}
 * @param publicMetrics serve {@code /metrics} without an operator key also off loopback
 */
public record OpsConfig(
    Profile profile,
    Path speakerModel,
    double speakerThreshold,
    Path antiSpoofModel,
    double antiSpoofThreshold,
    boolean publicMetrics) {
  public static final double DEFAULT_SPEAKER_THRESHOLD = 0.5;
  public static final double DEFAULT_ANTISPOOF_THRESHOLD = 0.5;

  public OpsConfig {
    Objects.requireNonNull(profile, "profile");
    if (!(speakerThreshold >= -1 && speakerThreshold <= 1)) {
      throw new IllegalArgumentException("--speaker-threshold must be in [-1, 1]");
    }
    if (!(antiSpoofThreshold >= 0 && antiSpoofThreshold <= 1)) {
      throw new IllegalArgumentException("--antispoof-threshold must be in [0, 1]");
    }
  }

  /** The evaluation profile on the built-in checks; {@code /metrics} for loopback only. */
  public static OpsConfig defaults() {
    return new OpsConfig(
        Profile.EVALUATION,
        null,
        DEFAULT_SPEAKER_THRESHOLD,
        null,
        DEFAULT_ANTISPOOF_THRESHOLD,
        false);
  }

  public OpsConfig withProfile(Profile p) {
    return new OpsConfig(
        p, speakerModel, speakerThreshold, antiSpoofModel, antiSpoofThreshold, publicMetrics);
  }

  public boolean production() {
    return profile == Profile.PRODUCTION;
  }
}
