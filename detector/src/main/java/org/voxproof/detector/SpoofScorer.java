package org.voxproof.detector;

/**
 * An anti-spoofing classifier (e.g. an AASIST-style ONNX model on the raw waveform): the
 * probability-like score that the speech is synthetic. Optional; the detector works without one.
 */
public interface SpoofScorer {
  /** Sample rate the scorer wants; the detector resamples to it. */
  int sampleRate();

  /** Score in [0, 1]; higher means more likely synthetic. */
  double score(float[] mono) throws Exception;

  /** The score at or above which the scorer says "synthetic". */
  double threshold();
}
