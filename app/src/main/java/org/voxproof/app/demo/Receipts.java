package org.voxproof.app.demo;

import static org.voxproof.app.demo.StepFailed.expect;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;

/**
 * Checks a revocation or erasure receipt as an outsider would: a JWS of type {@code
 * voxproof-receipt+jwt} whose key is in the server's public {@code /.well-known/jwks.json}, issued
 * by the server, naming the action.
 */
final class Receipts {
  private Receipts() {}

  static void verify(DemoHttp http, String receipt, String action) throws Exception {
    expect(receipt != null, "no receipt");
    JWSObject jws = JWSObject.parse(receipt);
    String type = jws.getHeader().getType() == null ? "" : jws.getHeader().getType().getType();
    expect("voxproof-receipt+jwt".equals(type), "receipt of type '" + type + "'");
    DemoHttp.Reply keys = http.send("GET", "/.well-known/jwks.json", null, null, null);
    expect(keys.status() == 200, "jwks: " + keys.summary());
    JWK key = JWKSet.parse(keys.text()).getKeyByKeyId(jws.getHeader().getKeyID());
    expect(key != null, "the receipt's key is not in /.well-known/jwks.json");
    expect(jws.verify(new ECDSAVerifier(key.toECKey())), "the receipt's signature does not verify");
    Map<String, Object> claims = jws.getPayload().toJSONObject();
    expect(
        action.equals(claims.get("action")) && http.base().equals(claims.get("iss")),
        "receipt says action " + claims.get("action") + " by " + claims.get("iss"));
  }
}
