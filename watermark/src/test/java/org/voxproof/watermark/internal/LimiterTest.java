package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimiterTest {
  @Test
  void apply_loudHostAndStrongMark_neverExceedsFullScaleAndKeepsSnr() {
    int rate = 8000;
    float[] x = new float[3 * rate];
    float[] w = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.998 * Math.sin(2 * Math.PI * 200 * i / rate));
      w[i] = (float) (0.05 * Math.sin(2 * Math.PI * 1234 * i / rate));
    }

    float[] y = Limiter.apply(new float[][] {x}, w, rate, 30)[0];

    double ex = 0;
    double ew = 0;
    for (int i = 0; i < y.length; i++) {
      assertThat(Math.abs(y[i])).isLessThanOrEqualTo(0.999f);
      ex += x[i] * x[i];
      ew += (y[i] - x[i]) * (y[i] - x[i]);
    }
    assertThat(10 * Math.log10(ex / ew)).isGreaterThanOrEqualTo(30.0);
  }

  @Test
  void apply_quietMark_leavesItUnchanged() {
    float[] x = new float[16000];
    float[] w = new float[16000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(i * 0.05));
      w[i] = (float) (0.001 * Math.sin(i * 0.3));
    }

    float[] y = Limiter.apply(new float[][] {x}, w, 16000, 30)[0];

    for (int i = 0; i < y.length; i++) {
      assertThat(y[i]).isEqualTo(x[i] + w[i]);
    }
  }
}
