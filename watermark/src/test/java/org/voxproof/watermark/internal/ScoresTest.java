package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.voxproof.watermark.Segment;

class ScoresTest {
  @Test
  void segments_runsOfMarkedSeconds_mapToInputMillisecondsBySpeed() {
    double[] z = {0.5, 4, 5, 1, 3.2, 3.1, 8};

    assertThat(Scores.segments(z, 1.0, 6500))
        .containsExactly(new Segment(1000, 3000), new Segment(4000, 6500));
    assertThat(Scores.segments(z, 1.25, 10_000))
        .containsExactly(new Segment(800, 2400), new Segment(3200, 5600));
  }

  @Test
  void segments_nothingAboveThreshold_isEmpty() {
    assertThat(Scores.segments(new double[] {2.9, -4, 0}, 1.0, 3000)).isEmpty();
  }
}
