package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.testkit.Tools;

/**
 * The key ring on a PKCS#11 token (SoftHSM2 through SunPKCS11): keys are made on the token, never
 * leave it, and sign manifests that c2pa-rs trusts. Failsafe sets SOFTHSM2_CONF to
 * target/softhsm/softhsm2.conf, which this test writes.
 */
class Pkcs11KeyRingIT {
  static final Path LIB = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final char[] PIN = "1234".toCharArray();
  @TempDir static Path dir;
  static Path config;
  static KeyRing ring;

  @BeforeAll
  static void token() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    Tools.require("softhsm2-util");
    Tools.requireFile(LIB, "SoftHSM2's PKCS#11 library");
    Tools.requireThat(conf != null, "SOFTHSM2_CONF");
    Path tokens = Path.of(conf).getParent().resolve("tokens-" + System.nanoTime());
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
    C2paRs.Run r =
        C2paRs.run(
            dir,
            Map.of("SOFTHSM2_CONF", conf),
            List.of(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                "voxproof-test",
                "--pin",
                new String(PIN),
                "--so-pin",
                "5678"));
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(r.out() + r.err());
    assertThat(m.find()).as(r.out()).isTrue();
    config = dir.resolve("pkcs11.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "name = VoxProofSoftHSM",
            "library = " + LIB,
            "slot = " + m.group(1),
            "attributes(*, CKO_PRIVATE_KEY, *) = {",
            "  CKA_SENSITIVE = true",
            "  CKA_EXTRACTABLE = false",
            "}",
            ""),
        StandardCharsets.US_ASCII);
    ring = KeyRing.builder().dataDirectory(dir.resolve("data")).pkcs11(config, PIN).open();
  }

  @Test
  void open_pkcs11_keysStayOnTheToken() throws Exception {
    assertThat(ring.isHardwareBacked()).isTrue();
    assertThat(ring.c2paSigner().isExtractable()).isFalse();
    assertThat(ring.evidenceSigner().isExtractable()).isFalse();
    assertThat(ring.c2paSigner().algorithm()).isEqualTo("ES256");
    assertThat(Files.exists(dir.resolve("data/keyring.p12"))).isFalse();
  }

  @Test
  void sign_withTokenKey_manifestIsTrustedByOurVerifierAndC2paRs() throws Exception {
    byte[] signed = TestFixtures.signedWav(ring);
    ManifestReport r =
        ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build().read(signed);
    assertThat(r.state()).isEqualTo("Trusted");
    assertThat(r.failureCodes()).isEmpty();
    if (C2paRs.installed()) {
      Path f = dir.resolve("hsm-signed.wav");
      Files.write(f, signed);
      Path root = dir.resolve("hsm-root.pem");
      Files.writeString(root, ring.trustAnchorPem());
      C2paRs.Result c = C2paRs.verify(f, "audio/wav", root);
      assertThat(c.failureCodes()).isEmpty();
      assertThat(c.state()).isEqualTo("Trusted");
    } else if (System.getenv("CI") != null) {
      fail("CI is set but the c2pa-rs verifier is missing");
    }
  }

  @Test
  void reopen_pkcs11_sameRootAndWrappedCheckpointKeySigns() throws Exception {
    KeyRing again = KeyRing.builder().dataDirectory(dir.resolve("data")).pkcs11(config, PIN).open();
    assertThat(again.rootCertificate()).isEqualTo(ring.rootCertificate());
    NoteSigner a = ring.checkpointSigner("voxproof.test/log");
    NoteSigner b = again.checkpointSigner("voxproof.test/log");
    byte[] msg = {1, 2, 3};
    b.verifier().verify(msg, a.sign(msg)); // throws unless the signature is valid
    assertThat(b.verifier().verifierKey()).isEqualTo(a.verifier().verifierKey());
    assertThat(Files.exists(dir.resolve("data/checkpoint-key.wrapped"))).isTrue();
  }

  @Test
  void tokenKeys_onToken_signAnEs256JwtThatVerifiesByKid() throws Exception {
    TokenKeys keys = ring.tokenKeys();
    SignedJWT jwt =
        new SignedJWT(keys.header().build(), new JWTClaimsSet.Builder().subject("voice").build());
    jwt.sign(keys.signer());
    SignedJWT parsed = SignedJWT.parse(jwt.serialize());
    assertThat(parsed.verify(keys.verifier(parsed.getHeader().getKeyID()).orElseThrow())).isTrue();
  }

  @Test
  void trustAnchors_onToken_readWithoutThePin() throws Exception {
    assertThat(KeyRing.trustAnchors(dir.resolve("data"))).containsExactly(ring.rootCertificate());
  }

  @Test
  void evidence_signedOnToken_verifiesOffline() throws Exception {
    Evidence e =
        new Evidence(
            "00".repeat(32),
            0,
            java.time.Instant.now(),
            new Evidence.ManifestFindings(false, "NoManifest", "", "", List.of()),
            Evidence.WatermarkFindings.notFound(),
            java.util.Optional.empty(),
            "unknown",
            "no-provenance-found",
            List.of());
    byte[] b =
        EvidenceSigner.builder().keyRing(ring).build().sign(e).getBytes(StandardCharsets.US_ASCII);
    VerifiedEvidence v =
        EvidenceVerifier.builder().trustAnchor(ring.rootCertificate()).build().verify(b);
    assertThat(v.evidence()).isEqualTo(e);
  }

  @Test
  void watermarkKeys_onToken_areWrappedAndStable() throws Exception {
    var a = ring.watermarkKeys().all();
    var b =
        KeyRing.builder()
            .dataDirectory(dir.resolve("data"))
            .pkcs11(config, PIN)
            .open()
            .watermarkKeys()
            .all();
    assertThat(a).hasSize(1).isEqualTo(b);
    assertThat(Files.exists(dir.resolve("data/watermark-keys/watermark-1"))).isTrue();
  }
}
