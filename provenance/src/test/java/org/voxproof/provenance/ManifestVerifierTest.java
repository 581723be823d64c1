package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.voxproof.provenance.internal.Containers;

class ManifestVerifierTest {
  @TempDir static Path dir;
  static KeyRing ring;
  static ManifestVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    verifier = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  static byte[] signed(String ext) throws Exception {
    return TestFixtures.signed(ring, ext);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_signedFile_isTrustedWithC2paSuccessCodes(String ext) throws Exception {
    ManifestReport r = verifier.read(signed(ext));
    assertThat(r.state()).isEqualTo("Trusted");
    assertThat(r.failureCodes()).isEmpty();
    assertThat(r.codes())
        .containsExactly(
            "signingCredential.trusted",
            "claimSignature.insideValidity",
            "claimSignature.validated",
            "assertion.hashedURI.match",
            "assertion.dataHash.match");
    assertThat(r.activeManifest()).isEqualTo("urn:c2pa:" + TestFixtures.content().manifestId());
    assertThat(r.signer()).contains("C2PA Signer 1");
  }

  @Test
  void read_signedFile_returnsVoxProofAssertions() throws Exception {
    VoxProofAssertions a = verifier.read(signed("wav")).voxproof().orElseThrow();
    assertThat(a.watermarkPayload()).hasValue(0xC0FFEE42L);
    assertThat(a.watermarkEndMillis()).hasValue(1000);
    assertThat(a.licensee()).hasValue("lic-3f9a1c");
    assertThat(a.purpose()).hasValue("customer-service");
    assertThat(a.ledgerOrigin()).hasValue("voxproof.example/log");
    assertThat(a.ledgerIndex()).isEmpty();
    assertThat(a.manifestId()).hasValue(TestFixtures.content().manifestId().toString());
    assertThat(a.consentCommitmentHex())
        .hasValue("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void verify_flippedAudioByte_reportsDataHashMismatch(String ext) throws Exception {
    byte[] b = signed(ext);
    int audio = "wav".equals(ext) ? 100 : b.length - 100;
    b[audio] ^= 0x01;
    ManifestReport r = verifier.read(b);
    assertThat(r.state()).isEqualTo("Invalid");
    assertThat(r.failureCodes()).containsExactly("assertion.dataHash.mismatch");
    assertThatThrownBy(() -> verifier.verify(b))
        .isInstanceOf(ManifestInvalidException.class)
        .hasMessageContaining("assertion.dataHash.mismatch");
  }

  @Test
  void verify_flippedSignatureByte_reportsClaimSignatureMismatch() throws Exception {
    byte[] b = signed("wav");
    b[b.length - 20] ^= 0x01; // inside the 64-byte ES256 signature at the end of the store
    ManifestReport r = verifier.read(b);
    assertThat(r.failureCodes()).containsExactly("claimSignature.mismatch");
    assertThat(r.codes()).doesNotContain("claimSignature.validated");
  }

  @Test
  void verify_otherRoot_reportsSigningCredentialUntrusted() throws Exception {
    KeyRing other = TestFixtures.newKeyRing(dir.resolve("other"));
    ManifestVerifier v = ManifestVerifier.builder().trustAnchor(other.rootCertificate()).build();
    ManifestReport r = v.read(signed("wav"));
    assertThat(r.failureCodes()).containsExactly("signingCredential.untrusted");
    assertThat(r.state()).isEqualTo("Valid");
    assertThatThrownBy(() -> v.verify(signed("wav"))).isInstanceOf(ManifestInvalidException.class);
  }

  @Test
  void verify_unsignedFile_throwsNoManifest() {
    ManifestReport r = verifier.read(TestFixtures.toneWav());
    assertThat(r.present()).isFalse();
    assertThat(r.state()).isEqualTo("NoManifest");
    assertThatThrownBy(() -> verifier.verify(TestFixtures.toneWav()))
        .isInstanceOf(ManifestInvalidException.class)
        .hasMessage("no C2PA manifest");
  }

  @Test
  void sign_alreadySignedFile_replacesTheManifest() throws Exception {
    byte[] twice =
        ManifestSigner.builder().keyRing(ring).build().sign(signed("mp3"), TestFixtures.content());
    assertThat(twice).hasSameSizeAs(signed("mp3"));
    assertThat(verifier.read(twice).isTrusted()).isTrue();
  }

  @Test
  void builder_withoutTrustAnchors_refuses() {
    assertThatThrownBy(() -> ManifestVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void read_c2paRsSignedVector_reportsTheSameCodesAsC2paRs(String ext) throws Exception {
    String d = "vectors/c2pa-rs-signed-" + ext + "/";
    ManifestVerifier v =
        ManifestVerifier.builder()
            .trustAnchorsPem(
                new String(TestFixtures.resource(d + "root.crt"), StandardCharsets.US_ASCII))
            .build();
    ManifestReport r = v.read(TestFixtures.resource(d + "signed." + ext));
    JsonNode ref = new ObjectMapper().readTree(TestFixtures.resource(d + "c2pa-rs-result.json"));
    TreeSet<String> refCodes = new TreeSet<>();
    for (String k : List.of("success", "failure")) {
      ref.path("validation_results")
          .path("activeManifest")
          .path(k)
          .forEach(n -> refCodes.add(n.path("code").asText()));
    }
    // the vector's certificates are valid for 1000 days from 2026-11-21; the codes are stable
    assertThat(new TreeSet<>(r.codes())).isEqualTo(refCodes);
    assertThat(r.state()).isEqualTo(ref.path("validation_state").asText());
    assertThat(Containers.find(TestFixtures.resource(d + "signed." + ext))).isPresent();
  }

  @Test
  void read_hostileContainerSizes_neitherAllocateNorHideADamagedStore() throws Exception {
    byte[] wav = signed("wav");
    wav[40] = (byte) 0xf0; // "data" chunk size 0xfffffff0: the chunks after it are unreachable
    wav[41] = (byte) 0xff;
    wav[42] = (byte) 0xff;
    wav[43] = (byte) 0xff;
    assertThat(verifier.read(wav).state()).isEqualTo("NoManifest");
    byte[] mp3 = signed("mp3");
    mp3[6] = 0x7f; // ID3 tag size 256 MiB: the GEOB frame is still whole, the hash is not
    mp3[7] = 0x7f;
    ManifestReport r = verifier.read(mp3);
    assertThat(r.state()).isEqualTo("Invalid");
    assertThat(r.failureCodes()).containsExactly("assertion.dataHash.mismatch");
    byte[] flac = signed("flac");
    int geob = 10;
    while (!new String(flac, geob, 4, StandardCharsets.ISO_8859_1).equals("GEOB")) {
      geob++;
    }
    flac[geob + 4] = 0x7f; // GEOB frame larger than its tag: the store cannot be delimited
    r = verifier.read(flac);
    assertThat(r.present()).isTrue();
    assertThat(r.state()).isEqualTo("Invalid");
    assertThat(r.failureCodes()).containsExactly("general.error");
    assertThat(r.statuses().get(0).explanation())
        .startsWith("manifest store damaged: C2PA GEOB frame cut short: the frame declares");
  }

  @Test
  void signWithDetails_returnsLabelAndStoreHash() throws Exception {
    SignedAudio s =
        ManifestSigner.builder()
            .keyRing(ring)
            .build()
            .signWithDetails(TestFixtures.toneWav(), TestFixtures.content());
    var loc = Containers.find(s.audio()).orElseThrow();
    byte[] store =
        java.util.Arrays.copyOfRange(
            s.audio(), (int) loc.offset(), (int) loc.offset() + loc.length());
    assertThat(s.manifestStoreSha256())
        .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(store));
    assertThat(s.manifestLabel()).isEqualTo(verifier.read(s.audio()).activeManifest());
  }
}
