package org.voxproof.app.demo;

import java.io.PrintStream;
import java.util.List;

/** The summary table: step, expected, got, ms; a failed step is marked. */
final class DemoTable {
  private DemoTable() {}

  static void print(PrintStream out, List<DemoStep> steps) {
    int s = "step".length();
    int e = "expected".length();
    for (DemoStep x : steps) {
      s = Math.max(s, x.step().length());
      e = Math.max(e, x.expected().length());
    }
    String row = "%-2s %-" + s + "s  %-" + e + "s  %7s  %s%n";
    out.printf(row, "", "step", "expected", "ms", "got");
    for (DemoStep x : steps) {
      String mark = x.ok() ? "ok" : x.got().equals("skipped") ? "-" : "!!";
      out.printf(row, mark, x.step(), x.expected(), x.ms(), x.got());
    }
    out.flush();
  }
}
