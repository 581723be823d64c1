package org.voxproof.http.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.voxproof.http.TlsConfigException;

/**
 * The TLS trust a node uses to reach the other nodes of a scaled-out deployment ({@code serve
 * --only ... --peer-ca PEM}): exactly the CA certificates of one PEM file, not the JDK's public
 * roots, so a peer must present a certificate the operator's CA issued for the host it is reached
 * by (the JDK's HTTPS host name check stays on).
 */
public final class PeerTrust {
  private PeerTrust() {}

  /**
   * An SSL context trusting the certificates in {@code caPem} (one or more PEM blocks).
   *
   * @throws TlsConfigException naming the file when it is missing, unreadable or holds no
   *     certificate
   */
  public static SSLContext fromPem(Path caPem) throws TlsConfigException {
    if (!Files.isRegularFile(caPem) || !Files.isReadable(caPem)) {
      throw new TlsConfigException("peer CA file not readable: " + caPem);
    }
    try (InputStream in = Files.newInputStream(caPem)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new TlsConfigException("no certificate in peer CA file " + caPem);
      }
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        ks.setCertificateEntry("peer-ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsConfigException("cannot read peer CA file " + caPem + ": " + e.getMessage(), e);
    }
  }
}
