package org.voxproof.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench manifest}: C2PA sign + embed and read + validate (with the operator root as
 * trust anchor), ms per file, in process after warm-up, for WAV, MP3 and FLAC; and the same files
 * through the reference (c2pa-rs via {@code bench.mjs}) when it is installed, interleaved with ours
 * round by round so that both see the same machine load. Table on stderr; the last stdout line is
 * {@code {"signEmbedMs","readValidateMs","refSignEmbedMs","refReadValidateMs"}} for WAV (medians
 * over the rounds; the reference's fields are null when it is not installed).
 */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description =
        "C2PA sign+embed and read+validate, ms per file (WAV, MP3, FLAC), beside the reference"
            + " c2pa-rs when installed.")
public final class ManifestBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--file",
      description = "Audio to use (default: a 5 s 24 kHz mono signal); MP3/FLAC made from it.")
  Path file;

  @Option(names = "--n", defaultValue = "200", description = "Files per measurement.")
  int n;

  @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds (median).")
  int rounds;

  @Option(
      names = "--large-seconds",
      defaultValue = "0",
      description = "Also sign and validate a WAV of this many seconds (48 kHz stereo), peak heap.")
  int largeSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path work = Files.createTempDirectory("voxproof-bench-manifest");
    try {
      return run(work, err);
    } finally {
      ManifestBenchMemory.deleteTree(work);
    }
  }

  private int run(Path work, PrintWriter err) throws Exception {
    Map<String, Path> files = ManifestBenchInputs.make(work, file);
    Optional<ManifestBenchReference> ref = ManifestBenchReference.find(work);
    try (KeyRing ring =
        KeyRing.builder()
            .dataDirectory(work.resolve("keys"))
            .password("bench".toCharArray())
            .open()) {
      ManifestBenchOurs ours =
          new ManifestBenchOurs(
              ManifestSigner.builder().keyRing(ring).build(),
              ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build());
      err.printf(
          "manifest bench: n=%d per measurement, %d rounds, %d cores, reference %s%n",
          n,
          rounds,
          Runtime.getRuntime().availableProcessors(),
          ref.isPresent() ? "c2pa-rs 0.90.1 (c2pa-node 0.8.0)" : "not installed");
      // ext -> rounds x {sign, read, ref sign, ref read, sign from disk, read from disk}
      Map<String, double[][]> results = new LinkedHashMap<>();
      for (Map.Entry<String, Path> f : files.entrySet()) {
        ours.warmUp(f.getValue(), out(work, f.getKey()), Math.max(n, 1000));
        results.put(f.getKey(), new double[rounds][]);
      }
      List<String> loads = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        loads.add(ManifestBenchMemory.loadAverage());
        for (Map.Entry<String, Path> f : files.entrySet()) {
          double[] o = ours.measure(f.getValue(), out(work, f.getKey()), n);
          double[] r =
              ref.isPresent()
                  ? ref.get().measure(f.getValue(), ManifestBenchInputs.MIME.get(f.getKey()), n)
                  : new double[] {Double.NaN, Double.NaN};
          results.get(f.getKey())[round] = new double[] {o[0], o[1], r[0], r[1], o[2], o[3]};
        }
      }
      loads.add(ManifestBenchMemory.loadAverage());
      table(err, files, results, loads);
      if (largeSeconds > 0) {
        ManifestBenchMemory.large(work, largeSeconds, ours, err);
      }
      err.flush();
      double[] wav = medians(results.get("wav"));
      spec.commandLine()
          .getOut()
          .printf(
              "{\"signEmbedMs\":%s,\"readValidateMs\":%s,\"refSignEmbedMs\":%s,"
                  + "\"refReadValidateMs\":%s}%n",
              num(wav[0]), num(wav[1]), num(wav[2]), num(wav[3]));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static Path out(Path work, String ext) {
    return work.resolve("out." + ext);
  }

  private void table(
      PrintWriter err, Map<String, Path> files, Map<String, double[][]> results, List<String> loads)
      throws java.io.IOException {
    err.printf(
        "%-5s %8s | %8s %8s %8s %6s %6s | %8s %8s %8s %6s %6s%n",
        "", "bytes", "sign", "disk", "ref", "ratio", "disk", "read", "disk", "ref", "ratio",
        "disk");
    for (Map.Entry<String, double[][]> e : results.entrySet()) {
      double[] m = medians(e.getValue());
      err.printf(
          "%-5s %8d | %8.3f %8.3f %8.3f %6.2f %6.2f | %8.3f %8.3f %8.3f %6.2f %6.2f%n",
          e.getKey(),
          Files.size(files.get(e.getKey())),
          m[0],
          m[4],
          m[2],
          m[0] / m[2],
          m[4] / m[2],
          m[1],
          m[5],
          m[3],
          m[1] / m[3],
          m[5] / m[3]);
    }
    err.println(
        "ms per file, medians of the rounds. sign/read: bytes in memory (the services' path);"
            + " disk: file to file, as the reference works; ratio = ours / reference (below 1:"
            + " ours is faster)");
    err.println("load average (1, 5, 15 min) before each round and at the end: " + loads);
  }

  private static double[] medians(double[][] rounds) {
    double[] out = new double[rounds[0].length];
    for (int k = 0; k < out.length; k++) {
      final int col = k;
      double[] v = Arrays.stream(rounds).mapToDouble(r -> r[col]).sorted().toArray();
      out[k] = v[v.length / 2];
    }
    return out;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format("%.3f", v);
  }
}
