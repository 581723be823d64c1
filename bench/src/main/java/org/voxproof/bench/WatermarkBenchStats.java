package org.voxproof.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe tallies of the watermark bench and its table. */
final class WatermarkBenchStats {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Detection and payload-exact counts of one attack at one rate. */
  static final class Cell {
    final LongAdder runs = new LongAdder();
    final LongAdder found = new LongAdder();
    final LongAdder exact = new LongAdder();
    final LongAdder errors = new LongAdder();

    double rate(LongAdder a) {
      return runs.sum() == 0 ? Double.NaN : (double) a.sum() / runs.sum();
    }
  }

  /** Audio seconds processed and thread CPU seconds spent. */
  static final class Speed {
    final DoubleAdder audio = new DoubleAdder();
    final DoubleAdder cpu = new DoubleAdder();

    double timesRealTime() {
      return audio.sum() / Math.max(1e-9, cpu.sum());
    }
  }

  final List<String> attacks;
  final int[] rates;
  final String compare;
  final Cell[][] cells;
  final Cell[][] compareCells;
  final Speed[] embed;
  final Speed[] detect;
  final Speed[] detectUnmarked;
  final LongAdder unmarked = new LongAdder();
  final LongAdder falsePositives = new LongAdder();
  final LongAdder compareUnmarked = new LongAdder();
  final LongAdder compareFalsePositives = new LongAdder();
  private final Map<String, WatermarkQuality> quality = new ConcurrentSkipListMap<>();

  WatermarkBenchStats(List<String> attacks, int[] rates, String compare) {
    this.attacks = attacks;
    this.rates = rates;
    this.compare = compare;
    cells = cells(attacks.size(), rates.length);
    compareCells = cells(attacks.size(), rates.length);
    embed = speeds(rates.length);
    detect = speeds(rates.length);
    detectUnmarked = speeds(rates.length);
  }

  private static Cell[][] cells(int attacks, int rates) {
    Cell[][] c = new Cell[attacks][rates];
    for (Cell[] row : c) {
      for (int r = 0; r < row.length; r++) {
        row[r] = new Cell();
      }
    }
    return c;
  }

  /** Records the quality of one marked clip (ours, or the compared tool's). */
  void quality(int ri, int ci, WatermarkQuality q, boolean compared) {
    quality.put(String.format(Locale.ROOT, "%d %03d %s", rates[ri], ci, compared ? "b" : "a"), q);
  }

  double meanSnr() {
    return quality.entrySet().stream()
        .filter(e -> e.getKey().endsWith("a"))
        .mapToDouble(e -> e.getValue().snrDb())
        .average()
        .orElse(Double.NaN);
  }

  private static Speed[] speeds(int n) {
    Speed[] s = new Speed[n];
    for (int i = 0; i < n; i++) {
      s[i] = new Speed();
    }
    return s;
  }

  static double cpuSeconds() {
    return THREADS.getCurrentThreadCpuTime() / 1e9;
  }

  double meanDetection() {
    double sum = 0;
    for (Cell[] row : cells) {
      sum += overall(row, true);
    }
    return sum / Math.max(1, cells.length);
  }

  private void printQuality(PrintStream out) {
    out.println(
        "per clip: SNR dB / worst 1 s block SNR dB / log-spectral distance dB / P.862-style score"
            + " (white noise at the same SNR)");
    quality.forEach(
        (k, q) ->
            out.printf(
                Locale.ROOT,
                "  %s %s: %.2f / %.2f / %.3f / %.2f (%.2f)%n",
                k.substring(0, k.length() - 2),
                k.endsWith("a") ? "voxproof" : "compared",
                q.snrDb(),
                q.minBlockSnrDb(),
                q.lsdDb(),
                q.pesq(),
                q.pesqNoise()));
    for (String tag : compare == null ? new String[] {"a"} : new String[] {"a", "b"}) {
      List<WatermarkQuality> qs =
          quality.entrySet().stream()
              .filter(e -> e.getKey().endsWith(tag))
              .map(Map.Entry::getValue)
              .toList();
      out.printf(
          Locale.ROOT,
          "%s: mean SNR %.2f dB, worst block %.2f dB, mean LSD %.3f dB, P.862-style mean %.2f"
              + " (min %.2f; white noise at the same SNR %.2f) over %d clips%n",
          tag.equals("a") ? "voxproof" : "compared",
          qs.stream().mapToDouble(WatermarkQuality::snrDb).average().orElse(Double.NaN),
          qs.stream().mapToDouble(WatermarkQuality::minBlockSnrDb).min().orElse(Double.NaN),
          qs.stream().mapToDouble(WatermarkQuality::lsdDb).average().orElse(Double.NaN),
          qs.stream().mapToDouble(WatermarkQuality::pesq).average().orElse(Double.NaN),
          qs.stream().mapToDouble(WatermarkQuality::pesq).min().orElse(Double.NaN),
          qs.stream().mapToDouble(WatermarkQuality::pesqNoise).average().orElse(Double.NaN),
          qs.size());
    }
  }

  private static double overall(Cell[] row, boolean detected) {
    long runs = 0;
    long hits = 0;
    for (Cell c : row) {
      runs += c.runs.sum();
      hits += detected ? c.found.sum() : c.exact.sum();
    }
    return runs == 0 ? 0 : (double) hits / runs;
  }

  void printTable(PrintStream out) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s", "attack"));
    for (int r : rates) {
      head.append(
          String.format(Locale.ROOT, " | det@%-3s exact@%-3s", r / 1000 + "k", r / 1000 + "k"));
    }
    head.append(" | det   exact");
    if (compare != null) {
      head.append(" | cmp det cmp exact");
    }
    out.println(head);
    for (int a = 0; a < attacks.size(); a++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", attacks.get(a)));
      for (Cell c : cells[a]) {
        line.append(String.format(Locale.ROOT, " | %6.2f %9.2f", c.rate(c.found), c.rate(c.exact)));
      }
      line.append(
          String.format(
              Locale.ROOT, " | %5.3f %5.3f", overall(cells[a], true), overall(cells[a], false)));
      if (compare != null) {
        line.append(
            String.format(
                Locale.ROOT,
                " | %7.3f %9.3f",
                overall(compareCells[a], true),
                overall(compareCells[a], false)));
      }
      out.println(line);
    }
    printQuality(out);
    out.printf(
        Locale.ROOT,
        "false positives: %d of %d unmarked clips%n",
        falsePositives.sum(),
        unmarked.sum());
    if (compare != null) {
      out.printf(
          Locale.ROOT,
          "compared tool (%s): false positives %d of %d unmarked clips%n",
          compare,
          compareFalsePositives.sum(),
          compareUnmarked.sum());
    }
    for (int r = 0; r < rates.length; r++) {
      out.printf(
          Locale.ROOT,
          "%d Hz, per core: embed %.0fx real time; detect %.0fx (marked);"
              + " %.0fx (unmarked, every search armed)%n",
          rates[r],
          embed[r].timesRealTime(),
          detect[r].timesRealTime(),
          detectUnmarked[r].timesRealTime());
    }
  }
}
