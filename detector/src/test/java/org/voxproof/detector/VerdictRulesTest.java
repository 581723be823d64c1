package org.voxproof.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ValidationStatus;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.Segment;

class VerdictRulesTest {
  static final int PAYLOAD = 0x1234abcd;
  static final LedgerEntry RECORD = entry(7, "m-1", PAYLOAD);

  @Test
  void assess_ourManifestMarkAndRecord_verifiedSynthetic() {
    Assessment a = VerdictRules.assess(findings(ours(PAYLOAD), mark(PAYLOAD), RECORD, RECORD));
    assertThat(a.verdict()).isEqualTo(Verdict.VERIFIED_SYNTHETIC);
    assertThat(a.reasons())
        .containsExactly("watermark_found", "manifest_valid", "ledger_record_found");
    assertThat(a.confidence().level()).isEqualTo(Confidence.Level.HIGH);
  }

  @Test
  void assess_ourManifestWithoutMark_stillVerified() {
    Assessment a = VerdictRules.assess(findings(ours(PAYLOAD), noMark(), null, RECORD));
    assertThat(a.verdict()).isEqualTo(Verdict.VERIFIED_SYNTHETIC);
    assertThat(a.reasons()).contains("watermark_not_found", "manifest_valid");
  }

  @Test
  void assess_markAndRecordNoManifest_stripped() {
    Assessment a =
        VerdictRules.assess(findings(ManifestReport.none(), mark(PAYLOAD), RECORD, null));
    assertThat(a.verdict()).isEqualTo(Verdict.SYNTHETIC_MANIFEST_STRIPPED);
    assertThat(a.reasons())
        .containsExactly("watermark_found", "manifest_missing", "ledger_record_found");
    assertThat(a.confidence().value()).isEqualTo(1 - 1e-7);
  }

  @Test
  void assess_markWithoutRecord_notOurs() {
    Assessment a = VerdictRules.assess(findings(ManifestReport.none(), mark(PAYLOAD), null, null));
    assertThat(a.verdict()).isEqualTo(Verdict.NO_PROVENANCE_FOUND);
    assertThat(a.reasons()).contains("watermark_unresolved", "classifier_not_configured");
  }

  @Test
  void assess_hardBindingFails_tampered() {
    ManifestReport bad =
        report(
            ManifestReport.INVALID,
            "CN=VoxProof",
            List.of(
                ValidationStatus.ok(ValidationStatus.CLAIM_SIGNATURE_VALIDATED, "", ""),
                ValidationStatus.fail(ValidationStatus.DATA_HASH_MISMATCH, "", "")),
            Optional.of(assertions(PAYLOAD)));
    Assessment a = VerdictRules.assess(findings(bad, mark(PAYLOAD), RECORD, RECORD));
    assertThat(a.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(a.reasons()).contains("manifest_invalid", "hard_binding_mismatch");
  }

  @Test
  void assess_signatureFails_tamperedWithReason() {
    ManifestReport bad =
        report(
            ManifestReport.INVALID,
            "",
            List.of(ValidationStatus.fail(ValidationStatus.CLAIM_SIGNATURE_MISMATCH, "", "")),
            Optional.empty());
    Assessment a = VerdictRules.assess(findings(bad, noMark(), null, null));
    assertThat(a.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(a.reasons()).contains("signature_invalid");
  }

  @Test
  void assess_markDisagreesWithManifest_tampered() {
    LedgerEntry other = entry(9, "m-2", 0x0badf00d);
    Assessment a = VerdictRules.assess(findings(ours(PAYLOAD), mark(0x0badf00d), other, RECORD));
    assertThat(a.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(a.reasons()).contains("watermark_mismatch");
  }

  @Test
  void assess_ourManifestButNoLedgerRecord_tampered() {
    Assessment a = VerdictRules.assess(findings(ours(PAYLOAD), mark(PAYLOAD), RECORD, null));
    assertThat(a.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(a.reasons()).contains("ledger_record_missing");
  }

  @Test
  void assess_foreignValidManifest_foreign() {
    ManifestReport foreign = foreign();
    Assessment a = VerdictRules.assess(findings(foreign, noMark(), null, null));
    assertThat(a.verdict()).isEqualTo(Verdict.FOREIGN_C2PA);
    assertThat(a.reasons()).contains("manifest_foreign");
  }

  @Test
  void assess_foreignManifestOverOurMark_tampered() {
    Assessment a = VerdictRules.assess(findings(foreign(), mark(PAYLOAD), RECORD, null));
    assertThat(a.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(a.reasons()).contains("manifest_foreign", "watermark_mismatch");
  }

  @Test
  void assess_ourAssertionsUnderForeignSigner_foreignNotVerified() {
    ManifestReport forged =
        report(ManifestReport.VALID, "CN=Mallory", List.of(), Optional.of(assertions(PAYLOAD)));
    Assessment a = VerdictRules.assess(findings(forged, noMark(), null, RECORD));
    assertThat(a.verdict()).isEqualTo(Verdict.FOREIGN_C2PA);
  }

  @Test
  void assess_classifierAboveThreshold_suspected() {
    Findings f =
        new Findings(
            ManifestReport.none(),
            noMark(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.of(0.97),
            0.5);
    Assessment a = VerdictRules.assess(f);
    assertThat(a.verdict()).isEqualTo(Verdict.SUSPECTED_SYNTHETIC);
    assertThat(a.reasons()).contains("classifier_synthetic");
    assertThat(a.confidence().value()).isEqualTo(0.97);
  }

  @Test
  void assess_classifierBelowThreshold_noProvenance() {
    Findings f =
        new Findings(
            ManifestReport.none(),
            noMark(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.of(0.2),
            0.5);
    Assessment a = VerdictRules.assess(f);
    assertThat(a.verdict()).isEqualTo(Verdict.NO_PROVENANCE_FOUND);
    assertThat(a.reasons()).contains("classifier_bona_fide");
    assertThat(a.confidence().value()).isEqualTo(0.8);
  }

  @Test
  void wire_namesAreTheFixedOnes() {
    assertThat(List.of(Verdict.values()).stream().map(Verdict::wire))
        .containsExactly(
            "verified-synthetic",
            "synthetic-manifest-stripped",
            "tampered",
            "foreign-c2pa",
            "suspected-synthetic",
            "no-provenance-found");
  }

  static Findings findings(ManifestReport m, Detection d, LedgerEntry byPayload, LedgerEntry byId) {
    return new Findings(
        m,
        d,
        Optional.ofNullable(byPayload),
        Optional.ofNullable(byId),
        OptionalDouble.empty(),
        0.5);
  }

  static ManifestReport ours(int payload) {
    return report(
        ManifestReport.TRUSTED,
        "CN=VoxProof C2PA signer",
        List.of(ValidationStatus.ok(ValidationStatus.DATA_HASH_MATCH, "", "")),
        Optional.of(assertions(payload)));
  }

  static ManifestReport foreign() {
    return report(
        ManifestReport.VALID,
        "CN=Other Org",
        List.of(ValidationStatus.fail(ValidationStatus.SIGNING_CREDENTIAL_UNTRUSTED, "", "")),
        Optional.empty());
  }

  static ManifestReport report(
      String state, String signer, List<ValidationStatus> s, Optional<VoxProofAssertions> a) {
    return new ManifestReport(true, state, "urn:c2pa:x", signer, s, a);
  }

  static VoxProofAssertions assertions(int payload) {
    return new VoxProofAssertions(
        Optional.of("m-1"),
        OptionalLong.of(payload & 0xffffffffL),
        OptionalLong.of(0),
        OptionalLong.of(5000),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.of("basic"));
  }

  static Detection mark(int payload) {
    return new Detection(
        true,
        Optional.of(new Payload(payload)),
        Optional.of("k1"),
        1e-7,
        9.5,
        List.of(9.0, 9.5),
        List.of(new Segment(0, 2000)),
        1.0);
  }

  static Detection noMark() {
    return new Detection(
        false, Optional.empty(), Optional.empty(), 1.0, 0.3, List.of(), List.of(), 1.0);
  }

  static LedgerEntry entry(long index, String id, int payload) {
    byte[] wm = java.util.HexFormat.of().parseHex(new Payload(payload).hex());
    return new LedgerEntry(
        index,
        LedgerRecord.synthesis(
            id, wm, new byte[32], new byte[32], new byte[32], "lic", "espeak", Instant.EPOCH));
  }
}
