package org.voxproof.bench;

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

  ManifestReport read(byte[] signed) {
    ManifestReport r = verifier.read(signed);
    if (!r.isTrusted()) {
      throw new IllegalStateException("our own file did not validate: " + r.failureCodes());
    }
    return r;
  }

  void warmUp(byte[] audio, int rounds) throws ProvenanceException {
    for (int i = 0; i < rounds; i++) {
      read(sign(audio));
    }
  }

  /** {sign + embed ms, read + validate ms} per file: the median of 5 blocks of n/5 files. */
  double[] measure(byte[] audio, int n) throws ProvenanceException {
    byte[] signed = sign(audio);
    int per = Math.max(1, (n + 4) / 5);
    double[] s = new double[5];
    double[] r = new double[5];
    for (int b = 0; b < 5; b++) {
      long t = System.nanoTime();
      for (int i = 0; i < per; i++) {
        signed = sign(audio);
      }
      s[b] = (System.nanoTime() - t) / 1e6 / per;
    }
    for (int b = 0; b < 5; b++) {
      long t = System.nanoTime();
      for (int i = 0; i < per; i++) {
        read(signed);
      }
      r[b] = (System.nanoTime() - t) / 1e6 / per;
    }
    Arrays.sort(s);
    Arrays.sort(r);
    return new double[] {s[2], r[2]};
  }
}
