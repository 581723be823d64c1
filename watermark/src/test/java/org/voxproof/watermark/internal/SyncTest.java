package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncTest {
  private static final byte[] KEY = PayloadCodecTest.secret(1);
  private static final Layout LAYOUT = new Layout(KEY);
  private static final Layout OTHER = new Layout(PayloadCodecTest.secret(2));

  /**
   * Frame energies (hop 0) whose cells carry {@code coded} under LAYOUT, clip slot s being period
   * slot (s + offset) mod PERIOD, with ±{@code noise} log-normal host variation.
   */
  static float[] markedEnergies(int slots, int offset, byte[] coded, double noise, long seed) {
    Random r = new Random(seed);
    int frames = slots * Grid.FRAMES_PER_SLOT + 3;
    float[] e = new float[frames * Grid.BANDS];
    for (int t = 0; t < frames; t++) {
      int s = Math.min(slots - 1, t / Grid.FRAMES_PER_SLOT);
      for (int p = 0; p < Grid.PAIRS; p++) {
        int cell = ((s + offset) % Grid.PERIOD) * Grid.PAIRS + p;
        double half = 0.5 * LAYOUT.sign(cell, coded);
        e[t * Grid.BANDS + 2 * p] = (float) Math.exp(half + noise * r.nextGaussian());
        e[t * Grid.BANDS + 2 * p + 1] = (float) Math.exp(-half + noise * r.nextGaussian());
      }
    }
    return e;
  }

  @Test
  void candidates_markedCells_bestIsTheTrueOffsetAndKey() {
    byte[] coded = ConvCode.encode(PayloadCodec.encode(KEY, 0x12345678));
    Cells cells = Cells.of(markedEnergies(100, 17, coded, 1.0, 1), 0, 0);

    List<Candidate> sorted = Sync.candidates(List.of(cells), List.of(OTHER, LAYOUT), 1.0);

    Candidate best = sorted.get(0);
    assertThat(best.key()).isEqualTo(1);
    assertThat(best.offset()).isEqualTo(17);
    assertThat(best.z()).isGreaterThan(10);
    assertThat(sorted.get(1).z()).isLessThan(5);
  }

  @Test
  void soft_atTheTrueCandidate_decodesTheInformationBits() {
    byte[] info = PayloadCodec.encode(KEY, 0x12345678);
    Cells cells = Cells.of(markedEnergies(100, 5, ConvCode.encode(info), 1.0, 2), 0, 0);
    Candidate best = Sync.candidates(List.of(cells), List.of(LAYOUT), 1.0).get(0);

    byte[] decoded = ConvCode.decode(Sync.soft(best, LAYOUT));

    assertThat(decoded).isEqualTo(info);
  }

  @Test
  void candidates_unmarkedCells_bestZLooksLikeTheMaximumOfNormals() {
    Random r = new Random(3);
    float[] e = new float[(100 * Grid.FRAMES_PER_SLOT + 3) * Grid.BANDS];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) Math.exp(r.nextGaussian());
    }

    List<Candidate> sorted = Sync.candidates(List.of(Cells.of(e, 0, 0)), List.of(LAYOUT), 1.0);

    assertThat(sorted).hasSize(Grid.PERIOD);
    assertThat(sorted.get(0).z()).isBetween(0.5, 4.5);
  }

  @Test
  void distinct_dropsCandidatesAtTheSameAlignment() {
    byte[] coded = ConvCode.encode(PayloadCodec.encode(KEY, 1));
    float[] e = markedEnergies(100, 0, coded, 1.0, 4);
    List<Cells> alignments = List.of(Cells.of(e, 0, 0), Cells.of(e, 0, 1), Cells.of(e, 0, 2));
    List<Candidate> sorted = Sync.candidates(alignments, List.of(LAYOUT), 1.0);

    List<Candidate> picked = Sync.distinct(sorted, 3);

    assertThat(picked).hasSize(3);
    for (int i = 0; i < picked.size(); i++) {
      for (int j = i + 1; j < picked.size(); j++) {
        assertThat(picked.get(i).sameAlignment(picked.get(j))).isFalse();
      }
    }
  }
}
