package org.voxproof.bench;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.Principal;
import org.voxproof.policy.RateLimit;
import org.voxproof.policy.UsageRules;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisRequest;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.synth.models.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof bench synth}: the synthesis gateway's own overhead — total minus engine time —
 * for ~5 s clips from the built-in espeak-ng engine, at concurrency 1 and 16, with p50/p99 and
 * requests/s. In-process ({@code library}: consent verification plus {@link Synthesizer#synthesize}
 * on real parts — key ring, embedded ledger with fsync, Cedar — with the p50 of each step) and
 * through the real {@code POST /v1/synthesize} route over loopback ({@code http}: the client's
 * round trip minus the engine time the server reports). Table on stderr; the last stdout line is a
 * JSON summary.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description =
        "Synthesis gateway overhead (total - engine), p50/p99 and req/s at concurrency 1 and 16,"
            + " in-process and through the real HTTP route.")
public final class SynthBench implements Callable<Integer> {
  static final String TEXT =
      "Your new debit card has been posted today and should arrive within three working days.";

  static final String ISSUER = "https://consent.bench";

  @Spec CommandSpec spec;

  @Option(
      names = "--requests",
      defaultValue = "30",
      description = "Requests per concurrency level and path (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--format", defaultValue = "wav", description = "wav, mp3 or flac.")
  String format;

  @Option(
      names = "--via",
      defaultValue = "both",
      description = "library (Synthesizer in-process), http (the route over loopback) or both.")
  String via;

  /** Samples of one level and its throughput. */
  record Run<T>(List<T> samples, double rate) {
    double p(ToLongFunction<T> f, int pct) {
      List<Long> v = new ArrayList<>(samples.stream().map(f::applyAsLong).toList());
      Collections.sort(v);
      int i = (int) Math.ceil(pct / 100.0 * v.size()) - 1;
      return v.get(Math.max(0, Math.min(v.size() - 1, i))) / 1e6;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (EspeakEngine.findOnPath().isEmpty()) {
      err.println("synth bench: espeak-ng is not on the PATH");
      return 2;
    }
    if (!Set.of("library", "http", "both").contains(via)) {
      err.println("synth bench: --via must be library, http or both");
      return 2;
    }
    OutputFormat f =
        OutputFormat.of(format).orElseThrow(() -> new IllegalArgumentException(format));
    Path dir = Files.createTempDirectory("voxproof-bench-synth");
    try (KeyRing ring =
            KeyRing.builder()
                .dataDirectory(dir.resolve("keys"))
                .password("bench".toCharArray())
                .open();
        EmbeddedLedger ledger = EmbeddedLedger.builder(dir.resolve("ledger")).open()) {
      Synthesizer s = synthesizer(ring, ledger);
      ConsentVerifier verifier = verifier(ring);
      String token = token(ring);
      err.printf(
          "synth bench: %s, espeak-ng, %d cores, %d requests per level%n",
          f.formatName(), Runtime.getRuntime().availableProcessors(), requests);
      JsonObject summary =
          new JsonObject()
              .put("bench", "synth")
              .put("format", f.formatName())
              .put("requests", requests)
              .put("targetP50Ms", 5)
              .put("targetP99Ms", 20);
      if (!via.equals("http")) {
        summary.put("library", library(err, s, verifier, token, f));
      }
      if (!via.equals("library")) {
        try (SynthBenchHttp http = new SynthBenchHttp(dir.resolve("db"), s, verifier)) {
          summary.put("http", http(err, http, token, f));
        }
      }
      System.out.println(summary.encode());
    } finally {
      PrivateFiles.deleteTree(dir);
    }
    return 0;
  }

  private JsonObject library(
      PrintWriter err, Synthesizer s, ConsentVerifier v, String token, OutputFormat f)
      throws Exception {
    run(s, v, token, f, 1, 5); // warm-up
    err.printf(
        "%-8s %-5s %8s %9s %9s %9s %9s | p50 ms: %6s %6s %6s %6s %6s %6s%n",
        "path",
        "conc",
        "req/s",
        "engine50",
        "ovh p50",
        "ovh p99",
        "clip s",
        "checks",
        "loud",
        "mark",
        "enc",
        "sign",
        "ledger");
    JsonObject out = new JsonObject();
    for (int c : new int[] {1, 16}) {
      Run<SynthesisResult.Timing> r = run(s, v, token, f, c, requests);
      err.printf(
          "%-8s %-5d %8.1f %9.1f %9.1f %9.1f %9s | %15.1f %6.1f %6.1f %6.1f %6.1f %6.1f%n",
          "library",
          c,
          r.rate(),
          r.p(SynthesisResult.Timing::engineNanos, 50),
          r.p(SynthesisResult.Timing::overheadNanos, 50),
          r.p(SynthesisResult.Timing::overheadNanos, 99),
          "",
          r.p(SynthesisResult.Timing::checksNanos, 50),
          r.p(SynthesisResult.Timing::loudnessNanos, 50),
          r.p(SynthesisResult.Timing::watermarkNanos, 50),
          r.p(SynthesisResult.Timing::encodeNanos, 50),
          r.p(SynthesisResult.Timing::signNanos, 50),
          r.p(SynthesisResult.Timing::ledgerNanos, 50));
      out.put(
          "c" + c,
          level(
              r.p(SynthesisResult.Timing::overheadNanos, 50),
              r.p(SynthesisResult.Timing::overheadNanos, 99),
              r.p(SynthesisResult.Timing::engineNanos, 50),
              r.rate()));
    }
    return out;
  }

  private JsonObject http(PrintWriter err, SynthBenchHttp http, String token, OutputFormat f)
      throws Exception {
    http.run(token, f, 1, 5); // warm-up
    JsonObject out = new JsonObject();
    for (int c : new int[] {1, 16}) {
      Run<SynthBenchHttp.Sample> r = http.run(token, f, c, requests);
      double p50 = r.p(SynthBenchHttp.Sample::overheadNanos, 50);
      double p99 = r.p(SynthBenchHttp.Sample::overheadNanos, 99);
      double engine = r.p(SynthBenchHttp.Sample::engineNanos, 50);
      err.printf("%-8s %-5d %8.1f %9.1f %9.1f %9.1f%n", "http", c, r.rate(), engine, p50, p99);
      out.put("c" + c, level(p50, p99, engine, r.rate()));
    }
    return out;
  }

  private static JsonObject level(double p50, double p99, double engineP50, double rate) {
    return new JsonObject()
        .put("overheadP50Ms", round(p50))
        .put("overheadP99Ms", round(p99))
        .put("engineP50Ms", round(engineP50))
        .put("requestsPerSecond", round(rate));
  }

  private static double round(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static Synthesizer synthesizer(KeyRing ring, EmbeddedLedger ledger) throws Exception {
    UsageRules rules =
        UsageRules.builder()
            .rateLimit(new RateLimit(1e6, 1_000_000))
            .charactersPerDay(1_000_000_000)
            .build();
    return Synthesizer.builder()
        .policy(PolicyEngine.builder().rules(rules).build())
        .engine(EspeakEngine.builder().build())
        .watermarkKeys(ring.watermarkKeys())
        .signer(ManifestSigner.builder().keyRing(ring).build())
        .ledger(ledger)
        .pseudonyms(new LicenseePseudonyms(new byte[32]))
        .build();
  }

  private static Run<SynthesisResult.Timing> run(
      Synthesizer s, ConsentVerifier v, String token, OutputFormat f, int concurrency, int n)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<SynthesisResult>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      for (int i = 0; i < n; i++) {
        Principal client = Principal.licensee("bench-" + (i % concurrency), "bank");
        SynthesisRequest r =
            new SynthesisRequest(client, TEXT, "en", "notifications", f, Optional.empty());
        futures.add(pool.submit(() -> s.synthesize(v.verify(token, "bank"), r)));
      }
      List<SynthesisResult.Timing> timings = new ArrayList<>();
      for (Future<SynthesisResult> fu : futures) {
        timings.add(fu.get().timing());
      }
      return new Run<>(timings, n / ((System.nanoTime() - t0) / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  /** consent-service's own verifier over the ring's token keys; every status valid. */
  private static ConsentVerifier verifier(KeyRing ring) {
    return ConsentVerifier.builder()
        .issuer(ISSUER)
        .keys(TokenKeySource.of(ring))
        .statusSource((uri, index) -> StatusList.VALID)
        .build();
  }

  /** A consent token issued by consent-service's own issuer. */
  private static String token(KeyRing ring) throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    ConsentGrant g =
        new ConsentGrant(
            "jti-bench",
            "bench-consent",
            "bench-voice",
            "bench-owner",
            "bank",
            Set.of("notifications"),
            Set.of("en"),
            2000,
            Assurance.BASIC,
            "ab".repeat(32),
            new byte[32],
            now,
            now,
            now.plusSeconds(86_400),
            new StatusReference(ISSUER + "/v1/status-lists/1", 1));
    return ConsentTokenIssuer.create(ISSUER, ring).issue(g);
  }
}
