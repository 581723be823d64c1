package org.voxproof.watermark;

import java.util.List;
import java.util.Optional;

/**
 * Result of a detection.
 *
 * @param found true when a payload with a valid keyed integrity check was decoded
 * @param payload the payload, when found
 * @param keyId id of the key that matched, when found
 * @param pFalseAlarm upper bound on the probability that unmarked audio scores this high (and, when
 *     found, also decodes to a valid payload); see docs/watermark.md
 * @param syncScore the best synchronisation z-score
 * @param perSecondScores z-score of each second of the input under the best alignment
 * @param segments the marked stretches, in input milliseconds
 * @param speedFactor playback speed the input was found at (1.0 when unchanged)
 */
public record Detection(
    boolean found,
    Optional<Payload> payload,
    Optional<String> keyId,
    double pFalseAlarm,
    double syncScore,
    List<Double> perSecondScores,
    List<Segment> segments,
    double speedFactor) {

  public Detection {
    perSecondScores = List.copyOf(perSecondScores);
    segments = List.copyOf(segments);
  }
}
