package org.voxproof.ledger.fabric;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.voxproof.chaincode.TlsFiles;

/**
 * A throw-away certificate authority of one organisation, issuing EC P-256 identities as Fabric's
 * cryptogen does: the node role in the subject's OU ({@code client}, {@code peer}, {@code orderer},
 * {@code admin}).
 */
final class TestPki {
  /** A certificate and its key. */
  record Issued(X509Certificate cert, PrivateKey key) {}

  final String org;
  final Issued ca;

  TestPki(String org) throws Exception {
    this.org = org;
    KeyPair kp = TlsFiles.p256();
    String name = "CN=ca." + org + ",O=" + org;
    ca = new Issued(sign(name, kp.getPublic(), name, kp.getPrivate(), true), kp.getPrivate());
  }

  /** An identity with this common name and node role (OU). */
  Issued issue(String cn, String role) throws Exception {
    KeyPair kp = TlsFiles.p256();
    String issuer = "CN=ca." + org + ",O=" + org;
    String subject = "CN=" + cn + ",OU=" + role + ",O=" + org;
    return new Issued(sign(subject, kp.getPublic(), issuer, ca.key(), false), kp.getPrivate());
  }

  private static X509Certificate sign(
      String subject, PublicKey pub, String issuer, PrivateKey issuerKey, boolean isCa)
      throws Exception {
    return TlsFiles.certificate(subject, pub, issuer, issuerKey, isCa, null);
  }
}
