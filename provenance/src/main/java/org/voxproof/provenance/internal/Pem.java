package org.voxproof.provenance.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** PEM helpers (Bouncy Castle). */
public final class Pem {
  private Pem() {}

  public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Crypto.BC);
      if (o instanceof PrivateKeyInfo pki) {
        return c.getPrivateKey(pki);
      }
      if (o instanceof PEMKeyPair kp) {
        return c.getKeyPair(kp).getPrivate();
      }
      throw new GeneralSecurityException("no private key in PEM");
    } catch (IOException e) {
      throw new GeneralSecurityException("unreadable PEM", e);
    }
  }

  /** The chain without a trailing self-signed certificate. */
  public static List<X509Certificate> withoutRoot(List<X509Certificate> certs) {
    List<X509Certificate> out = new ArrayList<>(certs);
    if (out.size() > 1) {
      X509Certificate last = out.get(out.size() - 1);
      if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
        out.remove(out.size() - 1);
      }
    }
    return out;
  }
}
