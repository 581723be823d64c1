package org.voxproof.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class SigTest {
  private static final byte[] MSG = "claim bytes".getBytes(StandardCharsets.US_ASCII);

  private static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC"); // the JDK's keys, as PKCS#12 gives
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  @Test
  void es256_signedWithBouncyCastle_verifiesWithTheJdk() throws Exception {
    KeyPair kp = ec("secp256r1");
    byte[] raw = Sig.signer(kp.getPrivate(), null, false).sign(MSG);
    assertThat(raw).hasSize(64);
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(kp.getPublic());
    v.update(MSG);
    assertThat(v.verify(Crypto.rawToDer(raw, 32))).isTrue();
    Sig.verifyEcdsa(Sig.publicKey(kp.getPublic()), 256, MSG, raw);
  }

  @Test
  void es256_deterministicPerRfc6979() throws Exception {
    KeyPair kp = ec("secp256r1");
    Sig.RawSigner s = Sig.signer(kp.getPrivate(), null, false);
    assertThat(s.sign(MSG)).isEqualTo(s.sign(MSG));
  }

  @Test
  void verifyEcdsa_flippedBitOrOtherMessage_throwsSignatureException() throws Exception {
    KeyPair kp = ec("secp256r1");
    byte[] raw = Sig.signer(kp.getPrivate(), null, false).sign(MSG);
    var pub = Sig.publicKey(kp.getPublic());
    raw[10] ^= 1;
    assertThatThrownBy(() -> Sig.verifyEcdsa(pub, 256, MSG, raw))
        .isInstanceOf(SignatureException.class)
        .hasMessage("signature does not verify");
    assertThatThrownBy(() -> Sig.verifyEcdsa(pub, 256, MSG, new byte[64]))
        .isInstanceOf(SignatureException.class);
    assertThatThrownBy(() -> Sig.verifyEcdsa(pub, 256, MSG, new byte[63]))
        .isInstanceOf(SignatureException.class)
        .hasMessage("ECDSA signature has wrong length");
  }

  @Test
  void verifyEcdsa_algorithmForAnotherCurve_refused() throws Exception {
    KeyPair kp = ec("secp384r1");
    var pub = Sig.publicKey(kp.getPublic());
    assertThatThrownBy(() -> Sig.verifyEcdsa(pub, 256, MSG, new byte[96]))
        .isInstanceOf(SignatureException.class)
        .hasMessage("ES256 with a 384-bit curve");
  }

  @Test
  void publicKey_unsupportedCurve_refused() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    assertThatThrownBy(() -> Sig.publicKey(g.generateKeyPair().getPublic()))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessage("unsupported key RSA");
  }

  @Test
  void ed25519_roundTripWithJdkKeys() throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] sig = Sig.signer(kp.getPrivate(), null, true).sign(MSG);
    Sig.verifyEd25519(Sig.publicKey(kp.getPublic()), MSG, sig);
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(kp.getPublic());
    v.update(MSG);
    assertThat(v.verify(sig)).isTrue();
    sig[0] ^= 1;
    assertThatThrownBy(() -> Sig.verifyEd25519(Sig.publicKey(kp.getPublic()), MSG, sig))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void signer_wrongKeyType_refused() throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThatThrownBy(() -> Sig.signer(kp.getPrivate(), null, false))
        .isInstanceOf(java.security.GeneralSecurityException.class)
        .hasMessage("not an EC private key");
  }
}
