package org.voxproof.bench;

import picocli.CommandLine.Command;

/**
 * {@code voxproof bench audio|watermark|ledger|...}: benchmarks. Each prints a table on stderr and
 * a summary figure as the last line of stdout. Areas add their bench as a subcommand here.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; the last line of stdout is a summary figure.",
    subcommands = {
      AudioBench.class,
      org.voxproof.bench.consent.ConsentBench.class,
      DetectBench.class,
      LedgerBench.class,
      ManifestBench.class,
      SynthBench.class,
      WatermarkBench.class,
    })
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
