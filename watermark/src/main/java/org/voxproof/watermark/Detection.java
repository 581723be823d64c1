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
 * @param speedFactor time scale the input was found at: it plays this much faster than the marked
 *     original (1.0 when unchanged; a tempo change or a speed change)
 * @param pitchFactor frequency scale the input was found at: its frequencies are this much higher
 *     (1.0 when unchanged; equal to {@code speedFactor} for a plain speed change, different for a
 *     pitch shift that keeps the tempo or a tempo change that keeps the pitch)
 */
public record Detection(
    boolean found,
    Optional<Payload> payload,
    Optional<String> keyId,
    double pFalseAlarm,
    double syncScore,
    List<Double> perSecondScores,
    List<Segment> segments,
    double speedFactor,
    double pitchFactor) {

  public Detection {
    perSecondScores = List.copyOf(perSecondScores);
    segments = List.copyOf(segments);
  }

  /** A detection whose frequency scale equals its time scale (a plain speed change or none). */
  public Detection(
      boolean found,
      Optional<Payload> payload,
      Optional<String> keyId,
      double pFalseAlarm,
      double syncScore,
      List<Double> perSecondScores,
      List<Segment> segments,
      double speedFactor) {
    this(
        found,
        payload,
        keyId,
        pFalseAlarm,
        syncScore,
        perSecondScores,
        segments,
        speedFactor,
        speedFactor);
  }
}
