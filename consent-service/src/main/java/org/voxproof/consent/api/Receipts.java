package org.voxproof.consent.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.TokenKeys;

/**
 * Signed receipts for revocations and erasures: a compact JWS (ES256, {@code typ} {@value #TYPE})
 * by the key ring's token key, so anyone can check it against {@code /.well-known/jwks.json}.
 * Claims: {@code iss}, {@code iat}, {@code jti} (the event id), {@code action} ({@code revoked} or
 * {@code erased}) and identifiers, commitments and ledger indexes — never personal data.
 */
final class Receipts {
  static final String TYPE = "voxproof-receipt+jwt";

  private final String issuer;
  private final KeyRing ring;

  Receipts(String issuer, KeyRing ring) {
    this.issuer = issuer;
    this.ring = ring;
  }

  String sign(String eventId, String action, Instant time, Map<String, Object> facts)
      throws KeyRingException {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", issuer);
    c.put("iat", time.getEpochSecond());
    c.put("jti", eventId);
    c.put("action", action);
    c.putAll(facts);
    TokenKeys k = ring.tokenKeys();
    JWSObject jws =
        new JWSObject(k.header().type(new JOSEObjectType(TYPE)).build(), new Payload(c));
    try {
      jws.sign(k.signer());
    } catch (JOSEException e) {
      throw new KeyRingException("receipt signing failed: " + e.getMessage(), e);
    }
    return jws.serialize();
  }
}
