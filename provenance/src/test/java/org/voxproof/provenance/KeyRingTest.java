package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.note.NoteSigner;
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
    String oldTokenKid = ring.tokenKeys().currentKeyId();
    ring.rotate();
    assertThat(ring.generation()).isEqualTo(2);
    assertThat(ring.c2paSigner().certificate()).isNotEqualTo(old);
    assertThat(ring.retiredCertificates()).contains(old).hasSize(3);
    assertThat(ring.tokenKeys().keyIds()).hasSize(2).endsWith(oldTokenKid);
    assertThat(ring.tokenKeys().currentKeyId()).isNotEqualTo(oldTokenKid);
    KeyRing reopened = TestFixtures.newKeyRing(dir);
    assertThat(reopened.generation()).isEqualTo(2);
    assertThat(reopened.rootCertificate()).isEqualTo(ring.rootCertificate());
  }

  @Test
  void rotate_twoRingsOnOneDirectory_neitherLosesTheOthersKeys() throws Exception {
    KeyRing a = TestFixtures.newKeyRing(dir);
    KeyRing b = TestFixtures.newKeyRing(dir);
    a.rotate();
    b.rotate();
    assertThat(b.generation()).isEqualTo(3);
    assertThat(TestFixtures.newKeyRing(dir).generation()).isEqualTo(3);
    assertThat(b.retiredCertificates()).hasSize(6);
  }

  @Test
  void rotate_manifestSignedBeforeStillVerifies() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    byte[] before = TestFixtures.signedWav(ring);
    ring.rotate();
    ManifestVerifier v = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
    assertThat(v.verify(before).signer()).contains("C2PA Signer 1");
  }

  @Test
  void checkpointSigner_sameKeyOnEveryOpenAndNamedAsAsked() throws Exception {
    NoteSigner a = TestFixtures.newKeyRing(dir).checkpointSigner("voxproof.test/log");
    NoteSigner b = TestFixtures.newKeyRing(dir).checkpointSigner("voxproof.test/log");
    byte[] msg = "origin\n1\nAAAA\n".getBytes(StandardCharsets.UTF_8);
    b.verifier().verify(msg, a.sign(msg)); // throws unless the signature is valid
    assertThat(a.verifier().verifierKey()).isEqualTo(b.verifier().verifierKey());
    assertThat(a.name()).isEqualTo("voxproof.test/log");
  }

  @Test
  void checkpointSigner_badKeyName_throwsKeyRingException() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    assertThatThrownBy(() -> ring.checkpointSigner("has space"))
        .isInstanceOf(KeyRingException.class)
        .hasMessageContaining("key name");
  }

  @Test
  void toString_neverShowsSecrets() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    String secret = HexFormat.of().formatHex(ring.watermarkKeys().current().secret());
    String all =
        ring
            + " "
            + ring.c2paSigner()
            + " "
            + ring.tokenKeys()
            + " "
            + ring.evidenceSigner()
            + " "
            + ring.watermarkKeys()
            + " "
            + ring.checkpointSigner("voxproof.test/log");
    assertThat(all).doesNotContain("test-password").doesNotContain(secret.substring(0, 16));
    assertThat(ring.watermarkKeys().toString()).startsWith("WatermarkKeys[wm-");
  }

  @Test
  void watermarkKeys_afterRotation_currentFirstAndRetiredKept() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    WatermarkKeys first = ring.watermarkKeys();
    assertThat(first.all()).hasSize(1);
    assertThat(first.current().secret()).hasSize(32);
    assertThat(first.current().keyId()).matches("wm-[0-9a-f]{16}");
    ring.rotate();
    WatermarkKeys after = TestFixtures.newKeyRing(dir).watermarkKeys();
    assertThat(after.all()).hasSize(2);
    assertThat(after.all().get(1)).isEqualTo(first.current());
    assertThat(after.current().keyId()).isNotEqualTo(first.current().keyId());
    assertThat(after.byId(first.current().keyId())).contains(first.current());
    assertThat(after.byId("wm-0000000000000000")).isEmpty();
  }

  @Test
  void open_newDirectory_dataDir0700KeyStore0600TrustAnchor0644() throws Exception {
    Path d = dir.resolve("fresh");
    KeyRing ring = TestFixtures.newKeyRing(d);
    assertThat(mode(d)).isEqualTo("rwx------");
    assertThat(mode(d.resolve("keyring.p12"))).isEqualTo("rw-------");
    assertThat(mode(d.resolve("trust-anchor.pem"))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(d.resolve("trust-anchor.pem"))).isEqualTo(ring.trustAnchorPem());
  }

  @Test
  void trustAnchors_readsThePemWithoutTheKeyStore() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    Files.move(dir.resolve("keyring.p12"), dir.resolve("elsewhere.p12"));
    assertThat(KeyRing.trustAnchors(dir)).containsExactly(ring.rootCertificate());
  }

  @Test
  void trustAnchors_ringMadeBeforeThePemExisted_opensTheRingOnceAndWritesIt() throws Exception {
    assumeTrue(System.getenv("VOXPROOF_KEYSTORE_PASSWORD") == null, "password set in env");
    KeyRing ring = KeyRing.builder().dataDirectory(dir).open();
    Files.delete(dir.resolve("trust-anchor.pem"));
    assertThat(KeyRing.trustAnchors(dir)).containsExactly(ring.rootCertificate());
    assertThat(Files.readString(dir.resolve("trust-anchor.pem"))).isEqualTo(ring.trustAnchorPem());
  }

  @Test
  void trustAnchors_pemReplacedByAnotherRoot_ringOpenRestoresIt() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    Files.writeString(
        dir.resolve("trust-anchor.pem"),
        TestFixtures.newKeyRing(dir.resolve("other")).trustAnchorPem());
    TestFixtures.newKeyRing(dir);
    assertThat(KeyRing.trustAnchors(dir)).containsExactly(ring.rootCertificate());
  }

  @Test
  void trustAnchors_noRing_throwsKeyRingException() {
    assertThatThrownBy(() -> KeyRing.trustAnchors(dir.resolve("none")))
        .isInstanceOf(KeyRingException.class)
        .hasMessageContaining("no key ring");
  }

  @Test
  void fromPem_keyOfAnotherCertificate_refused() throws Exception {
    KeyRing a = TestFixtures.newKeyRing(dir.resolve("a"));
    var other = java.security.KeyPairGenerator.getInstance("EC");
    other.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    String keyPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder()
                .encodeToString(other.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    String chain = org.voxproof.provenance.internal.Certs.toPem(a.c2paSigner().certificateChain());
    assertThatThrownBy(() -> SigningCredential.fromPem(keyPem, chain))
        .isInstanceOf(ProvenanceException.class)
        .hasMessageContaining("private key does not match the certificate");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
