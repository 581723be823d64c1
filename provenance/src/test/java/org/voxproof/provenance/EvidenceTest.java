package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.provenance.Evidence.ManifestFindings;
import org.voxproof.provenance.Evidence.WatermarkFindings;
import org.voxproof.provenance.EvidenceInvalidException.Reason;

class EvidenceTest {
  static final String ORIGIN = "voxproof.test/log";
  @TempDir static Path dir;
  static KeyRing ring;
  static byte[] audio;
  static LedgerFindings ledger;

  @BeforeAll
  static void setUp() throws Exception {
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    audio = TestFixtures.signedWav(ring);
    var cp = ring.checkpointSigner(ORIGIN);
    try (EmbeddedLedger log =
        EmbeddedLedger.builder(dir.resolve("ledger")).origin(ORIGIN).signer(cp).open()) {
      String id = TestFixtures.content().manifestId().toString();
      for (int i = 0; i < 5; i++) {
        log.append(
            LedgerRecord.synthesis(
                i == 3 ? id : "other-" + i,
                new byte[] {1, 2, 3, (byte) i},
                new byte[32],
                new byte[32],
                new byte[32],
                "lic-3f9a1c",
                "espeak-ng",
                Instant.parse("2026-11-21T06:00:00Z")));
      }
      TlogProofEvidence ev = (TlogProofEvidence) log.evidence(id);
      ledger = LedgerFindings.of(ev, ORIGIN, cp.verifier().verifierKey());
    }
  }

  static Evidence evidence(Optional<LedgerFindings> l) {
    ManifestReport r = ManifestVerifier.builder().skipTrustCheck().build().read(audio);
    return new Evidence(
        Evidence.sha256Hex(audio),
        audio.length,
        Instant.now(),
        ManifestFindings.from(r),
        new WatermarkFindings(true, Optional.of("c0ffee42"), OptionalDouble.of(1e-12)),
        l,
        "active",
        "verified-synthetic",
        List.of());
  }

  EvidenceVerifier verifier() throws Exception {
    return EvidenceVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  byte[] bundle(Evidence e) throws Exception {
    return EvidenceSigner.builder()
        .keyRing(ring)
        .build()
        .sign(e)
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void verify_signedBundle_returnsTheEvidenceAndLedgerIndex() throws Exception {
    Evidence e = evidence(Optional.of(ledger));
    VerifiedEvidence v = verifier().verify(bundle(e), audio);
    assertThat(v.evidence()).isEqualTo(e);
    assertThat(v.ledgerIndexVerified()).hasValue(3);
    assertThat(v.audioChecked()).isTrue();
    assertThat(v.signer()).contains("Evidence Signer 1");
  }

  @Test
  void verify_anyChangedByte_fails() throws Exception {
    byte[] b = bundle(evidence(Optional.of(ledger)));
    EvidenceVerifier v = verifier();
    for (int i = 0; i < b.length; i++) {
      for (int bit : new int[] {0x01, 0x20}) {
        byte[] t = b.clone();
        t[i] ^= (byte) bit;
        int pos = i;
        assertThatThrownBy(() -> v.verify(t))
            .as("byte %d ^ %x", pos, bit)
            .isInstanceOf(EvidenceInvalidException.class);
      }
    }
    assertThatThrownBy(() -> v.verify(java.util.Arrays.copyOf(b, b.length - 2)))
        .isInstanceOf(EvidenceInvalidException.class);
  }

  @Test
  void verify_otherAudio_failsWithFileHashMismatch() throws Exception {
    byte[] b = bundle(evidence(Optional.empty()));
    assertThatThrownBy(() -> verifier().verify(b, TestFixtures.toneWav()))
        .isInstanceOfSatisfying(
            EvidenceInvalidException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FILE_HASH_MISMATCH));
  }

  @Test
  void verify_otherRoot_failsWithUntrustedSigner() throws Exception {
    KeyRing other = TestFixtures.newKeyRing(dir.resolve("other"));
    byte[] b = bundle(evidence(Optional.empty()));
    EvidenceVerifier v = EvidenceVerifier.builder().trustAnchor(other.rootCertificate()).build();
    assertThatThrownBy(() -> v.verify(b))
        .isInstanceOfSatisfying(
            EvidenceInvalidException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
  }

  @Test
  void verify_proofForAnotherRecord_failsWithLedgerProofInvalid() throws Exception {
    byte[] otherRecord =
        LedgerRecord.synthesis(
                "forged",
                new byte[] {9},
                new byte[32],
                new byte[32],
                new byte[32],
                "x",
                "y",
                Instant.parse("2026-11-21T06:00:00Z"))
            .encode();
    LedgerFindings.Tlog tlog = (LedgerFindings.Tlog) ledger;
    LedgerFindings forged =
        new LedgerFindings.Tlog(
            ORIGIN, tlog.index(), otherRecord, tlog.proof(), tlog.verifierKey());
    byte[] b = bundle(evidence(Optional.of(forged)));
    assertThatThrownBy(() -> verifier().verify(b))
        .isInstanceOfSatisfying(
            EvidenceInvalidException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LEDGER_PROOF_INVALID));
  }

  @Test
  void verify_bundleMadeBeforeRotation_stillVerifiesAfterIt() throws Exception {
    KeyRing r = TestFixtures.newKeyRing(dir.resolve("rotating"));
    byte[] before =
        EvidenceSigner.builder()
            .keyRing(r)
            .build()
            .sign(evidence(Optional.empty()))
            .getBytes(StandardCharsets.US_ASCII);
    r.rotate();
    KeyRing reopened = TestFixtures.newKeyRing(dir.resolve("rotating"));
    assertThat(reopened.generation()).isEqualTo(2);
    EvidenceVerifier v = EvidenceVerifier.builder().trustAnchor(reopened.rootCertificate()).build();
    assertThat(v.verify(before).signer()).contains("Evidence Signer 1");
    byte[] after =
        EvidenceSigner.builder()
            .keyRing(reopened)
            .build()
            .sign(evidence(Optional.empty()))
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(v.verify(after).signer()).contains("Evidence Signer 2");
  }

  @Test
  void verify_checkedInVector_verifiesWithItsRoot() throws Exception {
    EvidenceVerifier v =
        EvidenceVerifier.builder()
            .trustAnchorsPem(
                new String(
                    TestFixtures.resource("vectors/evidence-signed/root.pem"),
                    StandardCharsets.US_ASCII))
            .build();
    VerifiedEvidence ve = v.verify(TestFixtures.resource("vectors/evidence-signed/bundle.jws"));
    assertThat(ve.ledgerIndexVerified()).hasValue(1);
    assertThat(ve.evidence().checkedAt()).isEqualTo(Instant.parse("2026-11-21T06:40:00Z"));
    assertThat(ve.evidence().watermark().payload()).hasValue("00c0ffee");
    assertThatThrownBy(
            () -> verifier().verify(TestFixtures.resource("vectors/evidence-signed/bundle.jws")))
        .isInstanceOf(EvidenceInvalidException.class);
  }
}
