package org.voxproof.provenance.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayDeque;
import java.util.Deque;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.internal.Jumbf.Box;

/**
 * Jazzer fuzzers over the manifest reader. In a normal build they run as regression tests over the
 * seeds in {@code src/test/resources/.../ManifestReaderFuzzTestInputs}; with {@code JAZZER_FUZZ=1}
 * they fuzz. Any exception other than the parsers' own checked ones is a finding, as is an
 * OutOfMemoryError from a hostile size.
 */
class ManifestReaderFuzzTest {

  /** A whole file (WAV/MP3/FLAC container, JUMBF, CBOR, COSE, hashes): never throws. */
  @FuzzTest(maxDuration = "4m")
  void fuzzFile(byte[] data) {
    ManifestReport r = ManifestReader.read(data, null);
    if (r.present() && r.statuses().isEmpty()) {
      throw new IllegalStateException("a present manifest must have statuses");
    }
  }

  /** A bare manifest store: JUMBF, then every CBOR box and the COSE signature. */
  @FuzzTest(maxDuration = "3m")
  void fuzzStore(byte[] data) {
    Box root;
    try {
      root = Jumbf.parseStore(data);
    } catch (Jumbf.JumbfException e) {
      return;
    }
    Deque<Box> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Box b = todo.pop();
      b.children().forEach(todo::push);
      if ("cbor".equals(b.type())) {
        try {
          Cbor.decode(b.payload());
          Cose.parse(b.payload());
        } catch (Cbor.CborException e) {
          // expected for hostile input
        }
      }
    }
  }

  private static final org.voxproof.provenance.EvidenceVerifier EVIDENCE = evidenceVerifier();

  private static org.voxproof.provenance.EvidenceVerifier evidenceVerifier() {
    try (java.io.InputStream in =
        ManifestReaderFuzzTest.class.getResourceAsStream("/vectors/evidence-signed/root.pem")) {
      return org.voxproof.provenance.EvidenceVerifier.builder()
          .trustAnchorsPem(
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
          .build();
    } catch (java.io.IOException | org.voxproof.provenance.ProvenanceException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An evidence bundle (JWS, x5c, JSON, tlog-proof): only EvidenceInvalidException may escape. */
  @FuzzTest(maxDuration = "3m")
  void fuzzEvidence(byte[] data) {
    try {
      EVIDENCE.verify(data);
    } catch (org.voxproof.provenance.EvidenceInvalidException e) {
      // expected for hostile input
    }
  }
}
