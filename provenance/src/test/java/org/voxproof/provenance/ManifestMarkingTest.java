package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The machine-readable marking that EU AI Act Art. 50(2) and China's labelling measures (implicit
 * label) ask for (docs/compliance.md): every signed file carries a trusted C2PA manifest whose
 * actions say the audio was created by a trained algorithm (IPTC {@code trainedAlgorithmicMedia})
 * and watermarked, plus the provider (signer) and a content id (manifest id).
 */
class ManifestMarkingTest {
  private static final String TRAINED_ALGORITHMIC_MEDIA =
      "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

  @TempDir static Path dir;
  static KeyRing ring;
  static ManifestVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    ring = TestFixtures.newKeyRing(dir.resolve("data"));
    verifier = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "mp3", "flac"})
  void signedFile_trustedManifestDeclaresTrainedAlgorithmicMediaAndWatermark(String ext)
      throws Exception {
    byte[] file = TestFixtures.signed(ring, ext);
    ManifestReport r = verifier.read(file);
    // Trusted: the claim signature covers every assertion (hashed URIs match), so the labels
    // below cannot have been added or changed after signing.
    assertThat(r.state()).isEqualTo("Trusted");
    assertThat(r.codes()).contains("assertion.hashedURI.match");
    assertThat(r.activeManifest()).isEqualTo("urn:c2pa:" + TestFixtures.content().manifestId());
    assertThat(r.signer()).isNotBlank();
    // CBOR text strings are stored as UTF-8: the actions assertion is readable in the store.
    String bytes = new String(file, StandardCharsets.ISO_8859_1);
    assertThat(bytes).contains("c2pa.actions.v2");
    assertThat(bytes).contains("c2pa.created").contains(TRAINED_ALGORITHMIC_MEDIA);
    assertThat(bytes).contains("c2pa.watermarked");
  }
}
