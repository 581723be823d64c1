package org.voxproof.watermark;

/**
 * A stretch of the input in which the watermark was found.
 *
 * @param startMs start, milliseconds from the beginning of the input
 * @param endMs end (exclusive), milliseconds from the beginning of the input
 */
public record Segment(long startMs, long endMs) {
  public Segment {
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException("bad segment " + startMs + ".." + endMs);
    }
  }
}
