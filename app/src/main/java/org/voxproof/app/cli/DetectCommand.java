package org.voxproof.app.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.voxproof.detector.ProvenanceDetector;
import org.voxproof.detector.ReportJson;
import org.voxproof.detector.Verdict;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.provenance.KeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxproof detect [--data-dir D | --server URL] FILE...|DIR}: one JSON line per file on
 * stdout, in the order given (the API's shape, plus {@code file}); a progress line on stderr for
 * more than one file. Files are examined in parallel over the cores. Exit codes follow grep: 0 when
 * any file carries provenance (a verdict other than {@code no-provenance-found}), 1 when none does,
 * 2 when any file could not be examined.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Examine audio files: verdict, manifest, watermark, ledger record, consent status.",
      "Exit 0: provenance found in some file; 1: in none; 2: some file could not be examined."
    })
public final class DetectCommand implements Callable<Integer> {
  @Option(
      names = "--data-dir",
      description =
          "Examine locally with this data directory's keys and ledger (default: ${DEFAULT-VALUE};"
              + " not while serve runs on it: use --server).")
  Path dataDir = Path.of("voxproof-data");

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Ask a running server (POST /v1/detect) instead; key from $VOXPROOF_API_KEY.")
  String server;

  @Option(names = "--api-key", description = "API key for --server (default: $VOXPROOF_API_KEY).")
  String apiKey;

  @Option(names = "--threads", description = "Parallel files (default: the cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files, or directories.")
  List<Path> inputs;

  /** What came of one file: a JSON line and whether it counts as found / failed. */
  record Outcome(JsonObject line, boolean found, boolean failed) {}

  /** Examines one file into an outcome. */
  interface Examiner {
    Outcome examine(Path file);
  }

  @Override
  public Integer call() throws Exception {
    List<Path> files = expand(inputs);
    if (server != null) {
      String key = apiKey != null ? apiKey : System.getenv("VOXPROOF_API_KEY");
      if (key == null || key.isBlank()) {
        System.err.println("voxproof: --server needs an API key (--api-key or $VOXPROOF_API_KEY)");
        return 2;
      }
      return run(files, new DetectRemote(server, key));
    }
    if (!KeyRing.exists(dataDir)) {
      System.err.println(
          "voxproof: no VoxProof data directory at " + dataDir + " (or use --server)");
      return 2;
    }
    try (KeyRing ring = KeyRing.builder().dataDirectory(dataDir).existingOnly().open();
        EmbeddedLedger ledger = openLedger(ring)) {
      return run(files, local(ring, ledger));
    }
  }

  private EmbeddedLedger openLedger(KeyRing ring) throws Exception {
    String origin = EmbeddedLedger.storedOrigin(dataDir).orElseGet(EmbeddedLedger::newOrigin);
    try {
      return EmbeddedLedger.builder(dataDir).signer(ring.checkpointSigner(origin)).open();
    } catch (Exception e) {
      throw new IOException(
          "cannot open the ledger in "
              + dataDir
              + " (is serve running on it? use --server): "
              + e.getMessage(),
          e);
    }
  }

  /** The operator's view: the data directory's holder sees the numbers. */
  private static Examiner local(KeyRing ring, EmbeddedLedger ledger) throws Exception {
    ProvenanceDetector d =
        ProvenanceDetector.builder()
            .manifestVerifier(
                org.voxproof.provenance.ManifestVerifier.builder()
                    .trustAnchor(ring.rootCertificate())
                    .build())
            .watermarkKeys(ring.watermarkKeys()::all)
            .ledger(ledger)
            .consentStatus(c -> org.voxproof.detector.ConsentStatus.UNKNOWN)
            .build();
    ReportJson.Disclosure none = new ReportJson.Disclosure(Optional.empty(), Optional.empty());
    return file -> {
      try {
        var r = d.examine(Files.readAllBytes(file));
        JsonObject j = new JsonObject().put("file", file.toString());
        j.mergeIn(ReportJson.forInvestigator(r, none));
        return new Outcome(j, r.verdict() != Verdict.NO_PROVENANCE_FOUND, false);
      } catch (org.voxproof.detector.DetectorException e) {
        return failed(file, e.reason(), e.getMessage());
      } catch (IOException e) {
        return failed(file, "unreadable", e.getMessage());
      }
    };
  }

  static Outcome failed(Path file, String reason, String detail) {
    return new Outcome(
        new JsonObject()
            .put("file", file.toString())
            .put("error", new JsonObject().put("reason", reason).put("detail", detail)),
        false,
        true);
  }

  private int run(List<Path> files, Examiner ex) throws Exception {
    PrintStream out = System.out;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    AtomicInteger done = new AtomicInteger();
    boolean found = false;
    boolean failed = false;
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  Outcome o = ex.examine(f);
                  progress(done.incrementAndGet(), files.size());
                  return o;
                }));
      }
      for (Future<Outcome> fu : futures) {
        Outcome o = fu.get();
        out.println(o.line().encode());
        found |= o.found();
        failed |= o.failed();
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
    if (files.size() > 1) {
      System.err.println();
    }
    return failed ? 2 : found ? 0 : 1;
  }

  private static synchronized void progress(int done, int total) {
    if (total > 1) {
      int width = 30;
      int bar = (int) ((long) done * width / total);
      System.err.print(
          "\rdetect [" + "#".repeat(bar) + " ".repeat(width - bar) + "] " + done + "/" + total);
      System.err.flush();
    }
  }

  /** Files as given; directories walked (regular files, sorted). */
  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> w = Files.walk(p)) {
          w.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
