package org.voxproof.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
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
  final Cell[][] cells;
  final Speed[] embed;
  final Speed[] detect;
  final Speed[] detectUnmarked;
  final DoubleAdder snrSum = new DoubleAdder();
  final LongAdder snrCount = new LongAdder();
  final LongAdder unmarked = new LongAdder();
  final LongAdder falsePositives = new LongAdder();

  WatermarkBenchStats(List<String> attacks, int[] rates) {
    this.attacks = attacks;
    this.rates = rates;
    cells = new Cell[attacks.size()][rates.length];
    embed = speeds(rates.length);
    detect = speeds(rates.length);
    detectUnmarked = speeds(rates.length);
    for (Cell[] row : cells) {
      for (int r = 0; r < row.length; r++) {
        row[r] = new Cell();
      }
    }
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
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s", "attack"));
    for (int r : rates) {
      head.append(
          String.format(Locale.ROOT, " | det@%-3s exact@%-3s", r / 1000 + "k", r / 1000 + "k"));
    }
    out.println(head.append(" | det   exact"));
    for (int a = 0; a < attacks.size(); a++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", attacks.get(a)));
      for (Cell c : cells[a]) {
        line.append(String.format(Locale.ROOT, " | %6.2f %9.2f", c.rate(c.found), c.rate(c.exact)));
      }
      line.append(
          String.format(
              Locale.ROOT, " | %5.3f %5.3f", overall(cells[a], true), overall(cells[a], false)));
      out.println(line);
    }
    out.printf(
        Locale.ROOT,
        "mean SNR %.2f dB over %d marked clips%n",
        snrSum.sum() / Math.max(1, snrCount.sum()),
        snrCount.sum());
    out.printf(
        Locale.ROOT,
        "false positives: %d of %d unmarked clips%n",
        falsePositives.sum(),
        unmarked.sum());
    for (int r = 0; r < rates.length; r++) {
      out.printf(
          Locale.ROOT,
          "%d Hz, per core: embed %.0fx real time; detect %.0fx (no speed search, marked);"
              + " %.0fx (speed search armed, unmarked)%n",
          rates[r],
          embed[r].timesRealTime(),
          detect[r].timesRealTime(),
          detectUnmarked[r].timesRealTime());
    }
  }
}
