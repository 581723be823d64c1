package org.voxproof.consent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JWT attack list: each known trick against JWT verifiers, built by hand, must be refused with
 * {@code invalid_token} (and never reach a status lookup).
 */
class JwtAttacksTest {
  private static TokenFixture fx;
  private static ConsentVerifier verifier;
  private static String payload;

  @BeforeAll
  static void setUp() throws Exception {
    fx = TokenFixture.create();
    verifier = fx.verifier();
    payload = Forge.payload(TokenFixture.grant(1));
  }

  private static void refused(String token, String message) {
    assertThatThrownBy(() -> verifier.verify(token, "Acme Bank"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidTokenException) e).code())
        .isEqualTo("invalid_token");
  }

  @Test
  void control_genuineForgeryHelperOutput_accepted() throws Exception {
    String t = Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), payload);
    assertThat(verifier.verify(t, "Acme Bank").consentId()).isEqualTo("cns_1");
  }

  @Test
  void algNone_unsigned_refused() {
    String t =
        Forge.b64("{\"alg\":\"none\",\"typ\":\"" + ConsentClaims.TYPE + "\"}")
            + "."
            + Forge.b64(payload)
            + ".";
    refused(t, "not a compact JWS");
  }

  @Test
  void algNoneWithKid_signatureKept_refused() throws Exception {
    String good = fx.token(1);
    String t =
        Forge.b64("{\"alg\":\"none\",\"kid\":\"" + fx.keys.currentKeyId() + "\"}")
            + good.substring(good.indexOf('.'));
    refused(t, "not a JWS");
  }

  @Test
  void hs256_publicKeyAsHmacSecret_refused() throws Exception {
    byte[] publicKey =
        fx.keys.publicJwkSet().getKeys().get(0).toECKey().toECPublicKey().getEncoded();
    String h =
        "{\"alg\":\"HS256\",\"kid\":\""
            + fx.keys.currentKeyId()
            + "\",\"typ\":\""
            + ConsentClaims.TYPE
            + "\"}";
    refused(Forge.hs256(publicKey, h, payload), "algorithm not accepted: HS256");
  }

  @Test
  void otherAsymmetricAlgorithm_refused() throws Exception {
    String h = Forge.header(fx.keys, "").replace("ES256", "ES384");
    refused(Forge.signWithRing(fx.keys, h, payload), "algorithm not accepted: ES384");
  }

  @Test
  void jkuPointingAtAttacker_refused() throws Exception {
    ECKey mine = Forge.attackerKey(fx.keys.currentKeyId());
    String h = Forge.header(fx.keys, ",\"jku\":\"https://evil.example/jwks.json\"");
    refused(Forge.signWithOwnKey(mine, h, payload), "header parameters not accepted: [jku]");
  }

  @Test
  void x5uPointingAtAttacker_refused() throws Exception {
    ECKey mine = Forge.attackerKey(fx.keys.currentKeyId());
    String h = Forge.header(fx.keys, ",\"x5u\":\"https://evil.example/cert.pem\"");
    refused(Forge.signWithOwnKey(mine, h, payload), "header parameters not accepted: [x5u]");
  }

  @Test
  void embeddedJwkOfAttacker_refused() throws Exception {
    ECKey mine = Forge.attackerKey(fx.keys.currentKeyId());
    String h = Forge.header(fx.keys, ",\"jwk\":" + mine.toPublicJWK().toJSONString());
    refused(Forge.signWithOwnKey(mine, h, payload), "header parameters not accepted: [jwk]");
  }

  @Test
  void x5cChain_refused() throws Exception {
    String h = Forge.header(fx.keys, ",\"x5c\":[\"MIIB\"]");
    refused(Forge.signWithRing(fx.keys, h, payload), "header parameters not accepted: [x5c]");
  }

  @Test
  void critUnknownExtension_refused() throws Exception {
    String h = Forge.header(fx.keys, ",\"crit\":[\"exp\"],\"exp\":1");
    refused(Forge.signWithRing(fx.keys, h, payload), "header parameters not accepted");
  }

  @Test
  void unencodedPayloadB64False_refused() throws Exception {
    String h = Forge.header(fx.keys, ",\"b64\":false,\"crit\":[\"b64\"]");
    refused(Forge.signWithRing(fx.keys, h, payload), "header parameters not accepted: [b64, crit]");
  }

  @Test
  void unknownKid_refused() throws Exception {
    ECKey mine = Forge.attackerKey("not-a-known-kid");
    String h = Forge.header(fx.keys, "").replace(fx.keys.currentKeyId(), "not-a-known-kid");
    refused(Forge.signWithOwnKey(mine, h, payload), "unknown kid");
  }

  @Test
  void missingKid_refused() throws Exception {
    String h = "{\"alg\":\"ES256\",\"typ\":\"" + ConsentClaims.TYPE + "\"}";
    refused(Forge.signWithRing(fx.keys, h, payload), "no kid");
  }

  @Test
  void attackerKeyUnderOurKid_refused() throws Exception {
    ECKey mine = Forge.attackerKey(fx.keys.currentKeyId());
    refused(Forge.signWithOwnKey(mine, Forge.header(fx.keys, ""), payload), "bad signature");
  }

  @Test
  void tamperedPayload_refused() throws Exception {
    String t = fx.token(1);
    String[] p = t.split("\\.");
    String forged =
        Forge.payload(TokenFixture.grant(1)).replace("customer_service", "political_ads");
    refused(p[0] + "." + Forge.b64(forged) + "." + p[2], "bad signature");
  }

  @Test
  void psychicSignatureZeroRAndS_refused() throws Exception {
    String t = fx.token(1);
    String zero = Base64URL.encode(new byte[64]).toString();
    refused(t.substring(0, t.lastIndexOf('.') + 1) + zero, "signature");
  }

  @Test
  void derEncodedSignature_refused() throws Exception {
    String t = fx.token(1);
    byte[] raw = Base64URL.from(t.substring(t.lastIndexOf('.') + 1)).decode();
    byte[] der = com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(raw);
    refused(t.substring(0, t.lastIndexOf('.') + 1) + Base64URL.encode(der), "signature");
  }

  @Test
  void missingTyp_refused() throws Exception {
    String h = "{\"alg\":\"ES256\",\"kid\":\"" + fx.keys.currentKeyId() + "\"}";
    refused(Forge.signWithRing(fx.keys, h, payload), "typ must be");
  }

  @Test
  void statusListTokenPresentedAsConsent_refused() throws Exception {
    String sl =
        StatusListToken.sign(
            fx.keys,
            TokenFixture.ISSUER,
            TokenFixture.ISSUER + "/v1/status-lists/1",
            StatusList.empty(1, 8),
            TokenFixture.NOW,
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofMinutes(10));
    refused(sl, "typ must be");
  }

  @Test
  void jweFiveParts_refused() throws Exception {
    refused(fx.token(1) + ".x.y", "not a compact JWS");
  }

  @Test
  void missingClaim_refused() throws Exception {
    String p = payload.replaceFirst(",\"owner_id\":\"own_1\"", "");
    refused(Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), p), "claim owner_id");
  }

  @Test
  void audienceAsArrayOfSeveral_refused() throws Exception {
    String p = payload.replace("\"aud\":\"Acme Bank\"", "\"aud\":[\"Acme Bank\",\"Other Corp\"]");
    refused(Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), p), "claim aud");
  }

  @Test
  void expAsString_refused() throws Exception {
    String p = payload.replaceFirst("\"exp\":([0-9]+)", "\"exp\":\"$1\"");
    refused(Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), p), "claim exp");
  }

  @Test
  void duplicateClaimNames_refused() throws Exception {
    String p =
        payload.replace("\"aud\":\"Acme Bank\"", "\"aud\":\"Other Corp\",\"aud\":\"Acme Bank\"");
    refused(
        Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), p), "payload is not a JSON object");
  }

  @Test
  void payloadNotJson_refused() throws Exception {
    refused(
        Forge.signWithRing(fx.keys, Forge.header(fx.keys, ""), "not json"),
        "payload is not a JSON object");
  }
}
