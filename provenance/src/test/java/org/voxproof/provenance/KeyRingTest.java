package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.provenance.internal.CertProfile;

class KeyRingTest {
  @TempDir Path dir;

  @Test
  void open_firstRun_createsRootIntermediateAndC2paLeafWithTheC2paProfile() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    SigningCredential c = ring.c2paSigner();
    X509Certificate leaf = c.certificate();
    assertThat(c.certificateChain()).hasSize(2);
    assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(leaf.getExtendedKeyUsage())
        .containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.4", "1.3.6.1.4.1.62558.2.1");
    assertThat(leaf.getKeyUsage()[0]).isTrue();
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(CertProfile.check(leaf)).isNull();
    assertThat(
            CertProfile.chainsTo(c.certificateChain(), java.util.List.of(ring.rootCertificate())))
        .isNull();
    assertThat(ring.rootCertificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(ring.trustAnchorPem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(ring.generation()).isEqualTo(1);
  }

  @Test
  void open_secondTime_reusesTheSameKeys() throws Exception {
    KeyRing a = TestFixtures.newKeyRing(dir);
    KeyRing b = TestFixtures.newKeyRing(dir);
    assertThat(b.rootCertificate()).isEqualTo(a.rootCertificate());
    assertThat(b.c2paSigner().certificate()).isEqualTo(a.c2paSigner().certificate());
  }

  @Test
  void open_withoutPassword_createsRandomPasswordFileWithMode0600() throws Exception {
    assumeTrue(System.getenv("VOXPROOF_KEYSTORE_PASSWORD") == null, "password set in env");
    KeyRing.builder().dataDirectory(dir).open();
    Path pw = dir.resolve("keystore.password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pw)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(pw).strip()).hasSize(43);
    assertThat(KeyRing.builder().dataDirectory(dir).existingOnly().open().generation())
        .isEqualTo(1);
  }

  @Test
  void open_wrongPassword_throwsKeyRingException() throws Exception {
    TestFixtures.newKeyRing(dir);
    assertThatThrownBy(
            () -> KeyRing.builder().dataDirectory(dir).password("wrong".toCharArray()).open())
        .isInstanceOf(KeyRingException.class)
        .hasMessageNotContaining("test-password");
  }

  @Test
  void open_existingOnlyOnEmptyDirectory_throws() {
    assertThatThrownBy(
            () ->
                KeyRing.builder()
                    .dataDirectory(dir.resolve("none"))
                    .password("x".toCharArray())
                    .existingOnly()
                    .open())
        .isInstanceOf(KeyRingException.class);
  }

  @Test
  void rotate_makesNewSigningKeysAndKeepsOldCertificates() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    X509Certificate old = ring.c2paSigner().certificate();
    String oldTokenKid = ring.tokenSigningKey().keyId();
    ring.rotate();
    assertThat(ring.generation()).isEqualTo(2);
    assertThat(ring.c2paSigner().certificate()).isNotEqualTo(old);
    assertThat(ring.retiredCertificates()).contains(old).hasSize(3);
    assertThat(ring.tokenVerificationKeys()).containsKey(oldTokenKid).hasSize(2);
    KeyRing reopened = TestFixtures.newKeyRing(dir);
    assertThat(reopened.generation()).isEqualTo(2);
    assertThat(reopened.rootCertificate()).isEqualTo(ring.rootCertificate());
  }

  @Test
  void rotate_manifestSignedBeforeStillVerifies() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    byte[] before =
        ManifestSigner.builder()
            .keyRing(ring)
            .build()
            .sign(TestFixtures.toneWav(), TestFixtures.content());
    ring.rotate();
    ManifestVerifier v = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
    assertThat(v.verify(before).signer()).contains("C2PA Signer 1");
  }

  @Test
  void ledgerCheckpointKey_isEd25519AndUsableByTheLedger() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    var kp = ring.ledgerCheckpointKey();
    assertThat(kp.getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
    var signer = Ed25519NoteKeys.fromPrivateKey("voxproof.test/log", kp.getPrivate());
    var verifier = Ed25519NoteKeys.fromPublicKey("voxproof.test/log", kp.getPublic());
    byte[] msg = "origin\n1\nAAAA\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(verifier.verify(msg, signer.sign(msg))).isTrue();
    assertThat(signer.verifier().verifierKey()).isEqualTo(verifier.verifierKey());
  }

  @Test
  void toString_neverShowsSecrets() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    String key =
        Base64.getEncoder().encodeToString(ring.tokenSigningKey().privateKey().getEncoded());
    String all =
        ring + " " + ring.c2paSigner() + " " + ring.tokenSigningKey() + " " + ring.evidenceSigner();
    assertThat(all).doesNotContain("test-password").doesNotContain(key.substring(0, 20));
    assertThat(ring.tokenSigningKey().toString()).startsWith("TokenSigningKey[");
  }

  @Test
  void watermarkSecrets_afterRotation_currentFirstAndRetiredKept() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    var first = ring.watermarkSecrets();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).secret()).hasSize(32);
    assertThat(first.get(0).keyId()).matches("wm-[0-9a-f]{16}");
    assertThat(first.get(0).toString()).contains("<hidden>");
    ring.rotate();
    var after = TestFixtures.newKeyRing(dir).watermarkSecrets();
    assertThat(after).hasSize(2);
    assertThat(after.get(1)).isEqualTo(first.get(0));
    assertThat(after.get(0).keyId()).isNotEqualTo(first.get(0).keyId());
  }
}
