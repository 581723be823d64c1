package org.voxproof.bench.consent;

import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.util.Base64URL;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.InvalidTokenException;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.TokenKeys;

/**
 * Consent-token verification speed on one thread (= per core): a raw ES256 verification with Bouncy
 * Castle (the floor), {@link ConsentVerifier} on tokens it has never seen (first sight) and on
 * tokens it has seen (cached). The status source is an in-memory status list, as in the consent
 * service's own process. Goals (issue 9): first sight within 1.2x the raw verification, cached at
 * least 20,000/s.
 */
public final class TokenBench {
  private static final String ISSUER = "https://consent.bench.example";
  private static final Provider BC = new BouncyCastleProvider();

  /** The measured rates, per second on one thread. */
  public record Result(double rawPerSecond, double firstSightPerSecond, double cachedPerSecond) {
    /** First-sight cost relative to one raw verification. */
    public double firstSightRatio() {
      return rawPerSecond / firstSightPerSecond;
    }

    public String summary() {
      return String.format(
          "consent tokens: first sight %.0f/s (%.2fx a raw ES256 verify at %.0f/s), cached %.0f/s per core",
          firstSightPerSecond, firstSightRatio(), rawPerSecond, cachedPerSecond);
    }
  }

  private final PrintWriter err;
  private final Duration phase;
  private final int tokenCount;

  public TokenBench(PrintWriter err, Duration phase, int tokenCount) {
    this.err = err;
    this.phase = phase;
    this.tokenCount = tokenCount;
  }

  public Result run() throws Exception {
    Path dir = Files.createTempDirectory("voxproof-bench-tokens");
    try (KeyRing ring =
        KeyRing.builder().dataDirectory(dir).password("bench".toCharArray()).open()) {
      TokenKeys keys = ring.tokenKeys();
      List<String> tokens = issue(ConsentTokenIssuer.create(ISSUER, keys));
      AtomicReference<StatusList> list = new AtomicReference<>(StatusList.empty(1, 131_072));
      ConsentVerifier verifier =
          ConsentVerifier.builder()
              .issuer(ISSUER)
              .keys(TokenKeySource.of(keys))
              .statusSource(
                  (uri, idx) -> {
                    StatusList l = list.get();
                    if (idx >= l.size()) {
                      throw new InvalidTokenException("outside the list");
                    }
                    return l.status(idx);
                  })
              .cacheSize(tokenCount + 1)
              .build();
      err.printf(
          "%d tokens of %d characters; %s per phase after a warm-up%n",
          tokens.size(), tokens.get(0).length(), phase);
      double[] rf = interleaved(raw(tokens.get(0), keys), firstSight(verifier, tokens));
      double raw = rf[0];
      double first = rf[1];
      verifier.clearCache();
      double cached = rate(cached(verifier, tokens));
      Result r = new Result(raw, first, cached);
      err.printf("%-36s %12.0f /s%n", "raw ES256 verify (Bouncy Castle)", raw);
      err.printf(
          "%-36s %12.0f /s  (%.2fx raw)%n",
          "ConsentVerifier, first sight", first, r.firstSightRatio());
      err.printf("%-36s %12.0f /s%n", "ConsentVerifier, cached", cached);
      return r;
    } finally {
      deleteTree(dir);
    }
  }

  private List<String> issue(ConsentTokenIssuer issuer) throws Exception {
    Instant now = Instant.now();
    List<String> out = new ArrayList<>(tokenCount);
    for (int i = 0; i < tokenCount; i++) {
      out.add(
          issuer.issue(
              new ConsentGrant(
                  "jti-" + i,
                  "cns_" + i,
                  "vox_" + i,
                  "own_" + i,
                  "Bench Licensee",
                  Set.of("customer_service", "notifications"),
                  Set.of("en", "zh"),
                  2000,
                  Assurance.BASIC,
                  "ab".repeat(32),
                  new byte[32],
                  now,
                  now,
                  now.plus(Duration.ofDays(30)),
                  new StatusReference(issuer.statusListUri(1), i))));
    }
    return out;
  }

  /** One unit of work, repeated; returns how many operations it did. */
  private interface Work {
    long run() throws Exception;
  }

  private double rate(Work w) throws Exception {
    rate(w, Duration.ofSeconds(1));
    return rate(w, phase);
  }

  private static double rate(Work w, Duration d) throws Exception {
    long ops = 0;
    long t0 = System.nanoTime();
    long end = t0 + d.toNanos();
    long t;
    do {
      ops += w.run();
      t = System.nanoTime();
    } while (t < end);
    return ops / ((t - t0) / 1e9);
  }

  /**
   * Rates of {@code a} and {@code b} measured in alternating 100 ms slices, so that a load change
   * on a shared machine hits both alike and their ratio stays meaningful.
   */
  private double[] interleaved(Work a, Work b) throws Exception {
    rate(a, Duration.ofSeconds(1));
    rate(b, Duration.ofSeconds(1));
    double[] ops = new double[2];
    double[] secs = new double[2];
    long slices = Math.max(2, phase.toMillis() / 100);
    for (long i = 0; i < slices; i++) {
      Work w = i % 2 == 0 ? a : b;
      int k = (int) (i % 2);
      long t0 = System.nanoTime();
      long end = t0 + 100_000_000L;
      long t;
      do {
        ops[k] += w.run();
        t = System.nanoTime();
      } while (t < end);
      secs[k] += (t - t0) / 1e9;
    }
    return new double[] {ops[0] / secs[0], ops[1] / secs[1]};
  }

  private static Work raw(String token, TokenKeys keys) throws Exception {
    int dot = token.lastIndexOf('.');
    byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    byte[] der = ECDSA.transcodeSignatureToDER(Base64URL.from(token.substring(dot + 1)).decode());
    ECPublicKey key = keys.publicJwkSet().getKeys().get(0).toECKey().toECPublicKey(BC);
    Signature s = Signature.getInstance("SHA256withECDSA", BC);
    return () -> {
      for (int i = 0; i < 20; i++) {
        s.initVerify(key);
        s.update(input);
        if (!s.verify(der)) {
          throw new IllegalStateException("raw verification failed");
        }
      }
      return 20;
    };
  }

  /** 20 tokens this verifier has not seen (the cache is cleared when all were seen). */
  private static Work firstSight(ConsentVerifier v, List<String> tokens) {
    int[] next = {0};
    return () -> {
      for (int i = 0; i < 20; i++) {
        if (next[0] == tokens.size()) {
          v.clearCache();
          next[0] = 0;
        }
        v.verify(tokens.get(next[0]++), "Bench Licensee");
      }
      return 20;
    };
  }

  private static Work cached(ConsentVerifier v, List<String> tokens) {
    return () -> {
      for (String t : tokens) {
        v.verify(t, "Bench Licensee");
      }
      return tokens.size();
    };
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
