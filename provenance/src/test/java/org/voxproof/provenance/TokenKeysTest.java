package org.voxproof.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {
  @TempDir Path dir;

  private static SignedJWT token(TokenKeys keys, String subject) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(keys.header().build(), new JWTClaimsSet.Builder().subject(subject).build());
    jwt.sign(keys.signer());
    return jwt;
  }

  private static JWSVerifier verifierFor(TokenKeys keys, SignedJWT jwt) {
    return keys.verifier(jwt.getHeader().getKeyID()).orElseThrow();
  }

  @Test
  void signer_tokenVerifiesUnderItsKid() throws Exception {
    TokenKeys keys = TestFixtures.newKeyRing(dir).tokenKeys();
    SignedJWT jwt = SignedJWT.parse(token(keys, "voice-1").serialize());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.currentKeyId()).hasSize(32);
    assertThat(jwt.verify(verifierFor(keys, jwt))).isTrue();
    assertThat(jwt.getSignature().decode()).hasSize(64);
  }

  @Test
  void verifier_changedPayload_doesNotVerify() throws Exception {
    TokenKeys keys = TestFixtures.newKeyRing(dir).tokenKeys();
    String[] parts = token(keys, "voice-1").serialize().split("\\.");
    String forged =
        parts[0]
            + "."
            + new JWTClaimsSet.Builder().subject("voice-2").build().toPayload().toBase64URL()
            + "."
            + parts[2];
    SignedJWT jwt = SignedJWT.parse(forged);
    assertThat(jwt.verify(verifierFor(keys, jwt))).isFalse();
  }

  @Test
  void verifier_afterRotation_oldTokensVerifyByRetiredKidAndNewOnesUseTheNewKey() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    SignedJWT old = token(ring.tokenKeys(), "voice-1");
    ring.rotate();
    TokenKeys keys = TestFixtures.newKeyRing(dir).tokenKeys();
    assertThat(old.verify(verifierFor(keys, old))).isTrue();
    SignedJWT fresh = token(keys, "voice-1");
    assertThat(fresh.getHeader().getKeyID()).isNotEqualTo(old.getHeader().getKeyID());
    assertThat(fresh.verify(verifierFor(keys, fresh))).isTrue();
    assertThat(keys.verifier("0".repeat(32))).isEmpty();
    assertThat(keys.verifier(null)).isEmpty();
  }

  @Test
  void keyIds_organisationNamedLikeAProfile_retiredKeysFoundByCertificateProfile()
      throws Exception {
    // A name match on "Token Signer" took the retired C2PA and evidence keys for token keys too.
    KeyRing ring =
        KeyRing.builder()
            .dataDirectory(dir)
            .password("test-password".toCharArray())
            .organization("Token Signer Ltd")
            .open();
    ring.rotate();
    ring.rotate();
    assertThat(ring.tokenKeys().keyIds()).hasSize(3);
  }

  @Test
  void signer_headerWithAnotherKidOrAlgorithm_refused() throws Exception {
    TokenKeys keys = TestFixtures.newKeyRing(dir).tokenKeys();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("voice-1").build();
    SignedJWT otherKid =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("other").build(), claims);
    assertThatThrownBy(() -> otherKid.sign(keys.signer()))
        .isInstanceOf(JOSEException.class)
        .hasMessageContaining("kid");
    SignedJWT hs =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.currentKeyId()).build(), claims);
    assertThatThrownBy(() -> hs.sign(keys.signer())).isInstanceOf(JOSEException.class);
  }

  @Test
  void publicJwkSet_currentFirstAndNoPrivatePart() throws Exception {
    KeyRing ring = TestFixtures.newKeyRing(dir);
    ring.rotate();
    TokenKeys keys = ring.tokenKeys();
    var jwks = keys.publicJwkSet();
    assertThat(jwks.getKeys()).hasSize(2);
    assertThat(jwks.getKeys().get(0).getKeyID()).isEqualTo(keys.currentKeyId());
    assertThat(jwks.getKeys()).allMatch(k -> !k.isPrivate());
    assertThat(jwks.toString()).doesNotContain("\"d\"");
    ECKey k = (ECKey) jwks.getKeys().get(0);
    SignedJWT jwt = token(keys, "voice-1");
    assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(k))).isTrue();
  }
}
