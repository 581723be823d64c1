package org.voxproof.http;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * A server certificate chain and its private key, from PEM files ({@code --tls-cert}, {@code
 * --tls-key}). Checked when loaded, so a wrong file fails at start-up with its name rather than at
 * the first handshake: both parse, the key matches the first certificate, and that certificate is
 * valid now.
 */
public final class Tls {
  private final PemKeyCertOptions options;

  private Tls(PemKeyCertOptions options) {
    this.options = options;
  }

  /**
   * Loads and checks a PEM certificate chain (leaf first) and a PEM private key (PKCS#8, or PKCS#1
   * RSA).
   *
   * @throws TlsConfigException naming what is wrong
   */
  public static Tls fromPem(Vertx vertx, Path certFile, Path keyFile) throws TlsConfigException {
    readable(certFile, "certificate");
    readable(keyFile, "private key");
    PemKeyCertOptions o =
        new PemKeyCertOptions()
            .setCertPath(certFile.toAbsolutePath().toString())
            .setKeyPath(keyFile.toAbsolutePath().toString());
    X509KeyManager km = keyManager(vertx, o, certFile, keyFile);
    String alias = firstAlias(km);
    if (alias == null) {
      throw new TlsConfigException("no key and certificate pair in " + certFile + ", " + keyFile);
    }
    checkPair(km.getPrivateKey(alias), km.getCertificateChain(alias), certFile);
    return new Tls(o);
  }

  PemKeyCertOptions options() {
    return options;
  }

  private static void readable(Path f, String what) throws TlsConfigException {
    if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
      throw new TlsConfigException("TLS " + what + " file not readable: " + f);
    }
  }

  private static X509KeyManager keyManager(
      Vertx vertx, PemKeyCertOptions o, Path certFile, Path keyFile) throws TlsConfigException {
    try {
      KeyManagerFactory f = o.getKeyManagerFactory(vertx);
      for (KeyManager m : f.getKeyManagers()) {
        if (m instanceof X509KeyManager x) {
          return x;
        }
      }
    } catch (Exception e) {
      throw new TlsConfigException(
          "cannot load TLS certificate " + certFile + " and key " + keyFile + ": " + e, e);
    }
    throw new TlsConfigException("no X.509 key manager for " + certFile);
  }

  private static String firstAlias(X509KeyManager km) {
    for (String type : new String[] {"EC", "RSA", "EdDSA", "Ed25519"}) {
      String[] aliases = km.getServerAliases(type, null);
      if (aliases != null && aliases.length > 0) {
        return aliases[0];
      }
    }
    return null;
  }

  /** Proves the key belongs to the leaf: sign a random challenge, verify with the leaf's key. */
  private static void checkPair(PrivateKey key, X509Certificate[] chain, Path certFile)
      throws TlsConfigException {
    if (key == null || chain == null || chain.length == 0) {
      throw new TlsConfigException("no certificate for the private key in " + certFile);
    }
    X509Certificate leaf = chain[0];
    try {
      leaf.checkValidity();
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new TlsConfigException(
          "TLS certificate "
              + certFile
              + " is not valid now (valid "
              + leaf.getNotBefore()
              + " to "
              + leaf.getNotAfter()
              + ")");
    }
    try {
      String alg = signatureAlgorithm(key.getAlgorithm());
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(challenge);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(leaf.getPublicKey());
      v.update(challenge);
      if (!v.verify(sig)) {
        throw new TlsConfigException(
            "the TLS private key does not match the certificate " + certFile);
      }
    } catch (GeneralSecurityException e) {
      throw new TlsConfigException(
          "the TLS private key does not match the certificate " + certFile + ": " + e.getMessage(),
          e);
    }
  }

  private static String signatureAlgorithm(String keyAlgorithm) throws TlsConfigException {
    return switch (keyAlgorithm) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new TlsConfigException("unsupported TLS key algorithm " + keyAlgorithm);
    };
  }
}
