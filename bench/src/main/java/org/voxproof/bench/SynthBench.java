package org.voxproof.bench;

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
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.consent.token.VerifiedConsent;
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
 * requests/s, per step (checks+policy, loudness, watermark, encode, sign, ledger). Library level:
 * {@link Synthesizer#synthesize} on real parts (key ring, embedded ledger with fsync, Cedar); the
 * HTTP layer's share is added when the route exists. Table on stderr; last stdout line the summary.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = "Synthesis gateway overhead (total - engine), p50/p99, at concurrency 1 and 16.")
public final class SynthBench implements Callable<Integer> {
  static final String TEXT =
      "Your new debit card has been posted today and should arrive within three working days.";

  @Spec CommandSpec spec;

  @Option(
      names = "--requests",
      defaultValue = "40",
      description = "Requests per concurrency level.")
  int requests;

  @Option(names = "--format", defaultValue = "wav", description = "wav, mp3 or flac.")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (EspeakEngine.findOnPath().isEmpty()) {
      err.println("synth bench: espeak-ng is not on the PATH");
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
      VerifiedConsent consent = consent(ring);
      run(s, consent, f, 1, 5); // warm-up
      err.printf(
          "synth bench: %s, espeak-ng, %d cores, %d requests per level%n",
          f.formatName(), Runtime.getRuntime().availableProcessors(), requests);
      err.printf(
          "%-5s %8s %9s %9s %9s %9s | p50 ms: %6s %6s %6s %6s %6s %6s%n",
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
      Level one = run(s, consent, f, 1, requests);
      Level many = run(s, consent, f, 16, requests);
      one.print(err, 1);
      many.print(err, 16);
      System.out.printf(
          "synth overhead p50 %.1f ms, p99 %.1f ms at concurrency 1; p50 %.1f ms, p99 %.1f ms, %.1f req/s at 16%n",
          one.p(Level::overhead, 50),
          one.p(Level::overhead, 99),
          many.p(Level::overhead, 50),
          many.p(Level::overhead, 99),
          many.rate);
    } finally {
      PrivateFiles.deleteTree(dir);
    }
    return 0;
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

  /** One concurrency level's timings (ns) and throughput. */
  record Level(List<SynthesisResult.Timing> t, double rate, double clipSeconds) {
    static long overhead(SynthesisResult.Timing x) {
      return x.overheadNanos();
    }

    double p(java.util.function.ToLongFunction<SynthesisResult.Timing> f, int pct) {
      List<Long> v = new ArrayList<>(t.stream().map(f::applyAsLong).toList());
      Collections.sort(v);
      int i = (int) Math.ceil(pct / 100.0 * v.size()) - 1;
      return v.get(Math.max(0, Math.min(v.size() - 1, i))) / 1e6;
    }

    void print(PrintWriter err, int conc) {
      err.printf(
          "%-5d %8.1f %9.1f %9.1f %9.1f %9.2f | %15.1f %6.1f %6.1f %6.1f %6.1f %6.1f%n",
          conc,
          rate,
          p(SynthesisResult.Timing::engineNanos, 50),
          p(Level::overhead, 50),
          p(Level::overhead, 99),
          clipSeconds,
          p(SynthesisResult.Timing::checksNanos, 50),
          p(SynthesisResult.Timing::loudnessNanos, 50),
          p(SynthesisResult.Timing::watermarkNanos, 50),
          p(SynthesisResult.Timing::encodeNanos, 50),
          p(SynthesisResult.Timing::signNanos, 50),
          p(SynthesisResult.Timing::ledgerNanos, 50));
    }
  }

  private static Level run(
      Synthesizer s, VerifiedConsent consent, OutputFormat f, int concurrency, int n)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<SynthesisResult>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      for (int i = 0; i < n; i++) {
        Principal client = Principal.licensee("bench-" + (i % concurrency), "bank");
        SynthesisRequest r =
            new SynthesisRequest(client, TEXT, "en", "notifications", f, Optional.empty());
        futures.add(pool.submit(() -> s.synthesize(consent, r)));
      }
      List<SynthesisResult.Timing> timings = new ArrayList<>();
      double seconds = 0;
      for (Future<SynthesisResult> fu : futures) {
        SynthesisResult r = fu.get();
        timings.add(r.timing());
        seconds = r.seconds();
      }
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      return new Level(timings, rate, seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A consent token issued and verified by consent-service's own issuer and verifier. */
  private static VerifiedConsent consent(KeyRing ring) throws Exception {
    String iss = "https://consent.bench";
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
            new StatusReference(iss + "/v1/status-lists/1", 1));
    return ConsentVerifier.builder()
        .issuer(iss)
        .keys(TokenKeySource.of(ring))
        .statusSource((uri, index) -> StatusList.VALID)
        .build()
        .verify(ConsentTokenIssuer.create(iss, ring).issue(g), "bank");
  }
}
