package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voxproof.dsp.Resampler;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.TestAudio;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

class SpeedSearchTest {
  private static final WatermarkKey KEY = new WatermarkKey("k", PayloadCodecTest.secret(1));

  private static Detector detector() {
    return new Detector(List.of(KEY), List.of(new Layout(KEY.secret())), true);
  }

  @Test
  void run_markedSpeechPlayedFaster_findsPayloadAndSpeed() throws Exception {
    float[] y =
        Watermarker.builder()
            .build()
            .embed(TestAudio.speech(16000, 10), 16000, new Payload(0x5eed5eed), KEY);
    float[] fast = Resampler.stretch(y, 1 / 1.12);

    Optional<Detection> d = new SpeedSearch(detector()).run(fast, 8929);

    assertThat(d).isPresent();
    assertThat(d.get().payload()).contains(new Payload(0x5eed5eed));
    assertThat(d.get().speedFactor()).isBetween(1.11, 1.13);
  }

  @Test
  void coarseGrid_coversSpeedPitchAndTempoLinesWithinHalfAStep() {
    List<double[]> grid = SpeedSearch.coarseGrid();

    for (double s : new double[] {0.8, 0.9, 1.12, 1.25}) {
      assertThat(nearest(grid, s, s)).isLessThan(0.006);
    }
    for (double semitones : new double[] {-2.5, -2, -1, 1, 2, 2.5}) {
      assertThat(nearest(grid, 1, Math.pow(2, semitones / 12))).isLessThan(0.007);
    }
    for (double t : new double[] {0.93, 0.95, 0.98, 1.02, 1.05, 1.07}) {
      assertThat(nearest(grid, t, 1)).isLessThan(0.011);
    }
    assertThat(grid).noneMatch(g -> Math.abs(g[0] - 1) < 0.01 && Math.abs(g[1] - 1) < 0.01);
  }

  /** Largest relative distance on either axis to the nearest grid point. */
  private static double nearest(List<double[]> grid, double time, double freq) {
    double best = Double.MAX_VALUE;
    for (double[] g : grid) {
      double d = Math.max(Math.abs(g[0] / time - 1), Math.abs(g[1] / freq - 1));
      best = Math.min(best, d);
    }
    return best;
  }

  @Test
  void run_markedSpeechWithWarpedFrequencies_findsPayloadAndBothScales() throws Exception {
    float[] y =
        Watermarker.builder()
            .build()
            .embed(TestAudio.speech(16000, 10), 16000, new Payload(0x5eed5eed), KEY);
    float[] higher = PitchShift.of(y, Math.pow(2, 2 / 12.0));

    Optional<Detection> d = new SpeedSearch(detector()).run(higher, 10_000);

    assertThat(d).isPresent();
    assertThat(d.get().payload()).contains(new Payload(0x5eed5eed));
    assertThat(d.get().pitchFactor()).isBetween(1.11, 1.135);
    assertThat(d.get().speedFactor()).isBetween(0.99, 1.01);
  }

  @Test
  void run_unmarkedSpeechShiftedInPitch_findsNothing() throws Exception {
    float[] x = TestAudio.speech(16000, 10);

    assertThat(new SpeedSearch(detector()).run(PitchShift.of(x, 1.12), 10_000)).isEmpty();
    assertThat(new SpeedSearch(detector()).run(PitchShift.of(x, 0.9), 10_000)).isEmpty();
  }

  @Test
  void run_unmarkedNoise_findsNothing() {
    float[] x = TestAudio.whiteNoise(10 * 16000, 0.1, 9);

    assertThat(new SpeedSearch(detector()).run(x, 10_000)).isEmpty();
  }
}
