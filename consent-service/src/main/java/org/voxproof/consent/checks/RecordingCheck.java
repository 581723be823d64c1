package org.voxproof.consent.checks;

import java.util.List;
import java.util.Map;
import org.voxproof.policy.Assurance;

/**
 * The outcome for a spoken consent; {@code reasons} empty means it passed. {@code assurance} is
 * {@code high} only when every check ran on a configured model, {@code basic} otherwise. {@code
 * scores} holds the measurements behind the decision (speaker similarity, SNR, ...) for the consent
 * evidence; no personal data.
 */
public record RecordingCheck(
    List<String> reasons,
    Assurance assurance,
    VoicePrint print,
    Fingerprint fingerprint,
    Map<String, Double> scores) {
  public RecordingCheck {
    reasons = List.copyOf(reasons);
    scores = Map.copyOf(scores);
  }

  public boolean passed() {
    return reasons.isEmpty();
  }
}
