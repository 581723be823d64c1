package org.voxproof.consent.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.voxproof.consent.token.internal.ClaimsCodec;
import org.voxproof.provenance.TokenKeys;

/** Hand-made tokens for the attack tests: any header and payload text, any signature. */
final class Forge {
  private Forge() {}

  static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String payload(ConsentGrant g) {
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
        ClaimsCodec.toClaims(TokenFixture.ISSUER, g));
  }

  static String header(TokenKeys keys, String extra) {
    return "{\"alg\":\"ES256\",\"kid\":\""
        + keys.currentKeyId()
        + "\",\"typ\":\""
        + ConsentClaims.TYPE
        + "\""
        + extra
        + "}";
  }

  /** Signs {@code headerJson.payloadJson} with the ring's real token key. */
  static String signWithRing(TokenKeys keys, String headerJson, String payloadJson)
      throws Exception {
    String input = b64(headerJson) + "." + b64(payloadJson);
    Base64URL sig =
        keys.signer().sign(keys.header().build(), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + sig;
  }

  /** Signs with a fresh EC key the attacker holds. */
  static String signWithOwnKey(ECKey key, String headerJson, String payloadJson) throws Exception {
    String input = b64(headerJson) + "." + b64(payloadJson);
    Base64URL sig =
        new ECDSASigner(key)
            .sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + sig;
  }

  static ECKey attackerKey(String kid) throws Exception {
    return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
  }

  /** HS256 keyed with {@code secret} (the classic public-key-as-HMAC-secret confusion). */
  static String hs256(byte[] secret, String headerJson, String payloadJson) throws Exception {
    String input = b64(headerJson) + "." + b64(payloadJson);
    Base64URL sig =
        new MACSigner(secret)
            .sign(new JWSHeader(JWSAlgorithm.HS256), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + sig;
  }

  static Map<String, Object> claims(ConsentGrant g) {
    return ClaimsCodec.toClaims(TokenFixture.ISSUER, g);
  }
}
