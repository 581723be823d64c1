package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxproof.provenance.internal.Containers;

/** Files VoxProof signs, checked live by the reference validator c2pa-rs. */
class C2paRsCompatibilityIT {
  @TempDir static Path dir;
  static KeyRing ring;
  static Path root;

  @BeforeAll
  static void keys() throws Exception {
    C2paRs.requireTools("ffmpeg", "sox");
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    root = dir.resolve("root.pem");
    Files.writeString(root, ring.trustAnchorPem());
    C2paRs.genCerts(dir.resolve("certs"));
  }

  static String mime(String ext) {
    return Map.of("wav", "audio/wav", "mp3", "audio/mpeg", "flac", "audio/flac").get(ext);
  }

  Path signed(String ext) throws Exception {
    byte[] out = TestFixtures.signed(ring, ext);
    Path f = dir.resolve("signed-" + System.nanoTime() + "." + ext);
    Files.write(f, out);
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void sign_voxproofFile_isTrustedByC2paRsWithOperatorRoot(String ext) throws Exception {
    Path f = signed(ext);
    C2paRs.Result r = C2paRs.verify(f, mime(ext), root);
    assertThat(r.failureCodes()).isEmpty();
    assertThat(r.state()).isEqualTo("Trusted");
    assertThat(r.exit()).isZero();
    assertThat(r.codes())
        .contains(
            "claimSignature.validated",
            "signingCredential.trusted",
            "assertion.hashedURI.match",
            "assertion.dataHash.match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void sign_flippedAudioByte_c2paRsReportsDataHashMismatch(String ext) throws Exception {
    Path f = signed(ext);
    byte[] b = Files.readAllBytes(f);
    b[b.length - 100] ^= 0x01; // audio for MP3/FLAC; for WAV the manifest is last, so use data
    if ("wav".equals(ext)) {
      b[b.length - 100] ^= 0x01;
      b[200] ^= 0x01;
    }
    Files.write(f, b);
    C2paRs.Result r = C2paRs.verify(f, mime(ext), root);
    assertThat(r.failureCodes()).contains("assertion.dataHash.mismatch");
    assertThat(r.exit()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void sign_signedFile_stillDecodesWithFfmpegAndSox(String ext) throws Exception {
    Path f = signed(ext);
    C2paRs.Run ff =
        C2paRs.run(
            dir, Map.of(), List.of("ffmpeg", "-v", "error", "-i", f.toString(), "-f", "null", "-"));
    assertThat(ff.exit()).as(ff.err()).isZero();
    assertThat(ff.err()).isEmpty();
    C2paRs.Run sx = C2paRs.run(dir, Map.of(), List.of("sox", f.toString(), "-n", "stat"));
    assertThat(sx.exit()).as(sx.err()).isZero();
    assertThat(Containers.find(Files.readAllBytes(f))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void signFile_streamedFromDisk_sameBytesAsInMemoryAndTrustedByC2paRs(String ext)
      throws Exception {
    Path in = dir.resolve("stream-in-" + System.nanoTime() + "." + ext);
    Files.write(in, TestFixtures.tone(ext));
    Path out = dir.resolve("stream-out-" + System.nanoTime() + "." + ext);
    ManifestSigner signer = ManifestSigner.builder().keyRing(ring).build();
    SignedFile s = signer.sign(in, out, TestFixtures.content());
    assertThat(Files.readAllBytes(out)).isEqualTo(TestFixtures.signed(ring, ext));
    assertThat(s.manifestLabel()).isEqualTo("urn:c2pa:" + TestFixtures.content().manifestId());
    C2paRs.Result r = C2paRs.verify(out, mime(ext), root);
    assertThat(r.state()).isEqualTo("Trusted");
    assertThat(r.failureCodes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_cutOneByteInsideTheStore_c2paRsFailsItAndWeReportItDamaged(String ext)
      throws Exception {
    byte[] b = TestFixtures.signed(ring, ext);
    Containers.Located loc = Containers.find(b).orElseThrow();
    Path f = dir.resolve("cut-" + System.nanoTime() + "." + ext);
    Files.write(f, java.util.Arrays.copyOf(b, (int) (loc.offset() + loc.length() - 1)));
    C2paRs.Result theirs = C2paRs.verify(f, mime(ext), root);
    assertThat(theirs.exit()).isNotZero().isNotEqualTo(2); // 2 would mean "no manifest"
    ManifestReport ours =
        ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build().read(f);
    assertThat(ours.present()).isTrue();
    assertThat(ours.failureCodes()).containsExactly("general.error");
  }

  Path referenceSigned(String ext) throws Exception {
    Path in = dir.resolve("in-" + System.nanoTime() + "." + ext);
    Files.write(in, TestFixtures.tone(ext));
    Path out = dir.resolve("ref-" + System.nanoTime() + "." + ext);
    C2paRs.referenceSign(in, mime(ext), out, dir.resolve("certs"));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_fileSignedByC2paRs_reportsTheSameStateAndCodes(String ext) throws Exception {
    Path f = referenceSigned(ext);
    Path refRoot = dir.resolve("certs/es256_root.crt");
    C2paRs.Result theirs = C2paRs.verify(f, mime(ext), refRoot);
    ManifestReport ours =
        ManifestVerifier.builder()
            .trustAnchorsPem(Files.readString(refRoot))
            .build()
            .read(Files.readAllBytes(f));
    assertThat(theirs.state()).isEqualTo("Trusted");
    assertThat(ours.state()).isEqualTo(theirs.state());
    assertThat(new java.util.TreeSet<>(ours.codes())).isEqualTo(theirs.codes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_flippedByteInC2paRsSignedFile_bothReportDataHashMismatch(String ext) throws Exception {
    Path f = referenceSigned(ext);
    byte[] b = Files.readAllBytes(f);
    b["wav".equals(ext) ? 100 : b.length - 100] ^= 0x01;
    Files.write(f, b);
    Path refRoot = dir.resolve("certs/es256_root.crt");
    C2paRs.Result theirs = C2paRs.verify(f, mime(ext), refRoot);
    ManifestReport ours =
        ManifestVerifier.builder().trustAnchorsPem(Files.readString(refRoot)).build().read(b);
    assertThat(theirs.failureCodes()).containsExactly("assertion.dataHash.mismatch");
    assertThat(ours.failureCodes()).containsExactly("assertion.dataHash.mismatch");
    assertThat(new java.util.TreeSet<>(ours.codes())).isEqualTo(theirs.codes());
  }

  @org.junit.jupiter.api.Test
  void read_wavSignedByC2paRsWithEd25519_reportsTheSameStateAndCodes() throws Exception {
    Path certs = dir.resolve("certs-ed25519");
    C2paRs.genCerts(certs, "ed25519");
    Path in = dir.resolve("in-ed.wav");
    Files.write(in, TestFixtures.tone("wav"));
    Path f = dir.resolve("ref-ed.wav");
    C2paRs.referenceSign(in, "audio/wav", f, certs, "ed25519");
    Path refRoot = certs.resolve("ed25519_root.crt");
    C2paRs.Result theirs = C2paRs.verify(f, "audio/wav", refRoot);
    ManifestReport ours =
        ManifestVerifier.builder()
            .trustAnchorsPem(Files.readString(refRoot))
            .build()
            .read(Files.readAllBytes(f));
    assertThat(theirs.state()).isEqualTo("Trusted");
    assertThat(ours.state()).isEqualTo("Trusted");
    assertThat(new java.util.TreeSet<>(ours.codes())).isEqualTo(theirs.codes());
  }
}
