package org.voxproof.app.cli;

import java.nio.file.Path;
import org.voxproof.app.server.OpsConfig;
import org.voxproof.app.server.Profile;
import picocli.CommandLine.Option;

/**
 * The operating options of {@code serve}: profile, consent-check models, metrics access, log format
 * and the configuration file. Every option can also come from {@code VOXPROOF_<OPTION>} or the
 * {@code --config} file ({@link ServeDefaults}).
 */
public final class OpsOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read options from FILE (.toml, .properties or .json; keys are the long option names"
              + " without dashes in front, e.g. tls-cert). Precedence: flags > VOXPROOF_* env >"
              + " file > defaults. Unknown keys are an error. Default: $VOXPROOF_CONFIG.")
  Path config;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "evaluation (default: built-in checks, for evaluation only) or production (refuses to"
              + " start without TLS, PostgreSQL, both consent models and operator secrets; never"
              + " issues a consent token below assurance high). See docs/operations.md.")
  String profile = "evaluation";

  @Option(
      names = "--speaker-model",
      paramLabel = "ONNX",
      description = "Speaker encoder for the consent checks (WeSpeaker/3D-Speaker ONNX export).")
  Path speakerModel;

  @Option(
      names = "--speaker-threshold",
      paramLabel = "COSINE",
      description = "Same-speaker threshold of --speaker-model (default: ${DEFAULT-VALUE}).")
  double speakerThreshold = OpsConfig.DEFAULT_SPEAKER_THRESHOLD;

  @Option(
      names = "--antispoof-model",
      paramLabel = "ONNX",
      description =
          "Anti-spoofing model for the consent checks (AASIST-style ONNX, raw 16 kHz waveform).")
  Path antiSpoofModel;

  @Option(
      names = "--antispoof-threshold",
      paramLabel = "P",
      description =
          "Spoof probability at which a recording is synthetic (default: ${DEFAULT-VALUE}).")
  double antiSpoofThreshold = OpsConfig.DEFAULT_ANTISPOOF_THRESHOLD;

  @Option(
      names = "--public-metrics",
      description =
          "Serve /metrics without an operator key also when bound off loopback (on loopback it is"
              + " always open).")
  boolean publicMetrics;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "json (default: one JSON object per line on stderr) or text.")
  String logFormat = "json";

  /** The operating configuration; an unknown profile or threshold out of range is refused. */
  OpsConfig toConfig() {
    Profile p =
        Profile.of(profile)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--profile " + profile + ": choose evaluation or production"));
    return new OpsConfig(
        p, speakerModel, speakerThreshold, antiSpoofModel, antiSpoofThreshold, publicMetrics);
  }
}
