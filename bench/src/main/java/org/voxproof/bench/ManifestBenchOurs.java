package org.voxproof.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.ProvenanceException;

/** Our side of the manifest bench: sign + embed, read + validate, timed as bench.mjs times. */
final class ManifestBenchOurs {
  private final ManifestSigner signer;
  private final ManifestVerifier verifier;

  ManifestBenchOurs(ManifestSigner signer, ManifestVerifier verifier) {
    this.signer = signer;
    this.verifier = verifier;
  }

  /** What a synthesis signs: ids, payload, commitment, pseudonym (a new manifest id each time). */
  static ManifestContent content() {
    return new ManifestContent(
        UUID.randomUUID(),
        Optional.of("bench"),
        "espeak-ng",
        "builtin-en",
        0xC0FFEE42L,
        0,
        5000,
        new byte[32],
        "lic-3f9a1c",
        "customer-service",
        "voxproof.local/bench",
        OptionalLong.empty(),
        "basic");
  }

  byte[] sign(byte[] audio) throws ProvenanceException {
    return signer.sign(audio, content());
  }

  /** Signs file to file (streamed), as the reference does. */
  void sign(Path in, Path out) throws ProvenanceException, IOException {
    signer.sign(in, out, content());
  }

  ManifestReport read(Path signed) throws IOException {
    return trusted(verifier.read(signed));
  }

  ManifestReport read(byte[] signed) {
    return trusted(verifier.read(signed));
  }

  private static ManifestReport trusted(ManifestReport r) {
    if (!r.isTrusted()) {
      throw new IllegalStateException("our own file did not validate: " + r.failureCodes());
    }
    return r;
  }

  /**
   * Runs every operation until the JIT has settled: at least {@code rounds} times and at least 3 s
   * (on a loaded machine the compiler threads get little CPU, and too short a warm-up measures the
   * interpreter).
   */
  void warmUp(Path in, Path out, int rounds) throws Exception {
    byte[] audio = Files.readAllBytes(in);
    long until = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; i < rounds || System.nanoTime() < until; i++) {
      read(sign(audio));
      sign(in, out);
      read(out);
    }
  }

  /** One operation, timed. */
  interface Op {
    void run() throws Exception;
  }

  /**
   * {sign ms, read ms, sign from disk ms, read from disk ms} per file, each the median of 5 blocks
   * of n/5 files (as bench.mjs times the reference). "From disk": file to file, as the reference.
   */
  double[] measure(Path in, Path out, int n) throws Exception {
    byte[] audio = Files.readAllBytes(in);
    byte[][] signed = {sign(audio)};
    sign(in, out);
    return new double[] {
      timed(() -> signed[0] = sign(audio), n),
      timed(() -> read(signed[0]), n),
      timed(() -> sign(in, out), n),
      timed(() -> read(out), n)
    };
  }

  private static double timed(Op op, int n) throws Exception {
    int per = Math.max(1, (n + 4) / 5);
    double[] block = new double[5];
    for (int b = 0; b < 5; b++) {
      long t = System.nanoTime();
      for (int i = 0; i < per; i++) {
        op.run();
      }
      block[b] = (System.nanoTime() - t) / 1e6 / per;
    }
    Arrays.sort(block);
    return block[2];
  }
}
