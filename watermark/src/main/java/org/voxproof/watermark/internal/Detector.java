package org.voxproof.watermark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jtransforms.fft.FloatFFT_1D;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkKey;

/**
 * Detection at 16 kHz: pilot synchronisation over all alignments, soft Viterbi decoding of the best
 * few, MAC check; when that fails and a coarse speed scan finds a partial pilot match, a fine speed
 * search around it. At most {@link #MAX_ATTEMPTS} MAC checks per call, whatever the keys.
 */
public final class Detector {
  /** Decoding attempts (MAC checks) per call, over all keys and speeds. */
  public static final int MAX_ATTEMPTS = 8;

  static final double MAC_FALSE_ACCEPT = Math.pow(2, -PayloadCodec.MAC_BITS);
  private static final int[] PHASES = {0, Grid.HOP / 2};
  private static final int PLAIN_ATTEMPTS = 3;

  private final List<WatermarkKey> keys;
  private final List<Layout> layouts;
  private final SpeedSearch speedSearch;
  private final FloatFFT_1D fft = new FloatFFT_1D(Grid.N);
  private int attempts;
  private long candidatesSeen;

  public Detector(List<WatermarkKey> keys, List<Layout> layouts, boolean speedSearch) {
    this.keys = List.copyOf(keys);
    this.layouts = List.copyOf(layouts);
    this.speedSearch = speedSearch ? new SpeedSearch(this) : null;
  }

  /** Detects in 16 kHz mono audio; {@code inputMs} is the input's duration. */
  public Detection detect(float[] x, long inputMs) {
    List<Candidate> plain = search(x, 1.0);
    Optional<Detection> found = tryDecode(plain, PLAIN_ATTEMPTS, x.length, inputMs);
    if (found.isPresent()) {
      return found.get();
    }
    if (speedSearch != null) {
      found = speedSearch.run(x, inputMs);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return notFound(plain, x.length);
  }

  /** All candidates of x stretched by {@code speed} (already applied to x). */
  List<Candidate> search(float[] x, double speed) {
    return search(x, speed, PHASES);
  }

  List<Candidate> search(float[] x, double speed, int[] phases) {
    List<Candidate> c = Sync.candidates(Sync.analyse(x, phases, fft), layouts, speed);
    candidatesSeen += c.size();
    return c;
  }

  /** Candidates from a warped spectrogram at a time and a frequency scale, both phases. */
  List<Candidate> searchWarped(WarpedScan scan, double time, double freq) {
    return searchWarped(scan, time, freq, PHASES);
  }

  /** Candidates from a warped spectrogram at a time and a frequency scale and the given phases. */
  List<Candidate> searchWarped(WarpedScan scan, double time, double freq, int[] phases) {
    List<Cells> cells = new ArrayList<>();
    for (int phase : phases) {
      float[] e = scan.energies(time, freq, phase);
      for (int hop = 0; hop < Grid.FRAMES_PER_SLOT; hop++) {
        cells.add(Cells.of(e, phase, hop));
      }
    }
    List<Candidate> c = Sync.candidates(cells, layouts, time, freq);
    candidatesSeen += c.size();
    return c;
  }

  FloatFFT_1D fft() {
    return fft;
  }

  Optional<Detection> tryDecode(List<Candidate> sorted, int max, int length, long inputMs) {
    for (Candidate c : Sync.distinct(sorted, max)) {
      if (attempts >= MAX_ATTEMPTS) {
        break;
      }
      attempts++;
      Layout layout = layouts.get(c.key());
      byte[] info = ConvCode.decode(Sync.soft(c, layout));
      byte[] secret = keys.get(c.key()).secret();
      OptionalInt payload = PayloadCodec.decode(secret, info);
      if (payload.isPresent()) {
        return Optional.of(found(c, payload.getAsInt(), info, length, inputMs));
      }
    }
    return Optional.empty();
  }

  private Detection found(Candidate c, int payload, byte[] info, int length, long inputMs) {
    Layout layout = layouts.get(c.key());
    double[] z = Scores.perSecond(c, layout, ConvCode.encode(info), length);
    double syncBound = candidatesSeen * Math.exp(-c.z() * c.z() / 2);
    double p = Math.min(attempts, syncBound) * MAC_FALSE_ACCEPT;
    return new Detection(
        true,
        Optional.of(new Payload(payload)),
        Optional.of(keys.get(c.key()).keyId()),
        p,
        c.z(),
        boxed(z),
        Scores.segments(z, c.speed(), inputMs),
        c.speed(),
        c.pitch());
  }

  private Detection notFound(List<Candidate> plain, int length) {
    if (plain.isEmpty()) {
      return new Detection(
          false, Optional.empty(), Optional.empty(), 1, 0, List.of(), List.of(), 1);
    }
    Candidate best = plain.get(0);
    double[] z = Scores.perSecond(best, layouts.get(best.key()), null, length);
    double p = Math.min(1, candidatesSeen * Math.exp(-best.z() * best.z() / 2));
    return new Detection(
        false, Optional.empty(), Optional.empty(), p, best.z(), boxed(z), List.of(), 1.0);
  }

  private static List<Double> boxed(double[] z) {
    return java.util.Arrays.stream(z).boxed().toList();
  }

  static List<Candidate> merge(List<List<Candidate>> lists) {
    List<Candidate> all = new ArrayList<>();
    lists.forEach(all::addAll);
    all.sort(java.util.Comparator.comparingDouble(Candidate::z).reversed());
    return all;
  }
}
