package org.voxproof.provenance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the key ring's keys live: a password-protected PKCS#12 file, or a PKCS#11 token through
 * SunPKCS11. Both are used through {@link KeyStore}; only creation, saving and the provider that
 * signs differ.
 */
public final class KeyStoreBackend {
  private final KeyStore store;
  private final Path file; // null for PKCS#11
  private final char[] password;
  private final Provider provider; // signs with keys from this store

  private KeyStoreBackend(KeyStore store, Path file, char[] password, Provider provider) {
    this.store = store;
    this.file = file;
    this.password = password.clone();
    this.provider = provider;
  }

  /** Opens (or, with {@code create}, starts empty) a PKCS#12 file. */
  public static KeyStoreBackend pkcs12(Path file, char[] password, boolean create)
      throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        ks.load(in, password);
      }
    } else if (create) {
      ks.load(null, password);
    } else {
      throw new IOException("no key store at " + file);
    }
    return new KeyStoreBackend(ks, file, password, null);
  }

  /** Opens a PKCS#11 token through SunPKCS11 configured by {@code configFile}. */
  public static KeyStoreBackend pkcs11(Path configFile, char[] pin)
      throws GeneralSecurityException, IOException {
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new GeneralSecurityException("SunPKCS11 is not available in this JDK");
    }
    Provider p = base.configure(configFile.toString());
    KeyStore ks = KeyStore.getInstance("PKCS11", p);
    ks.load(null, pin);
    return new KeyStoreBackend(ks, null, pin, p);
  }

  public boolean isHardware() {
    return file == null;
  }

  /** The provider that generates keys for this store and issues certificates with them. */
  public Provider provider() {
    return isHardware() ? provider : Crypto.BC; // Bouncy Castle starts only when keys are made
  }

  /** The token's provider, which signs with its keys; null for software keys (Bouncy Castle). */
  public Provider tokenProvider() {
    return provider;
  }

  public boolean contains(String alias) throws GeneralSecurityException {
    return store.containsAlias(alias);
  }

  public List<String> aliases() throws GeneralSecurityException {
    return new ArrayList<>(Collections.list(store.aliases()));
  }

  /** The private key of {@code alias}: a software key, or a handle to a key on the token. */
  public PrivateKey privateKey(String alias) throws GeneralSecurityException {
    Key k = store.getKey(alias, password);
    if (!(k instanceof PrivateKey pk)) {
      throw new GeneralSecurityException("no private key " + alias);
    }
    return pk;
  }

  public List<X509Certificate> chain(String alias) throws GeneralSecurityException {
    Certificate[] c = store.getCertificateChain(alias);
    if (c == null) {
      throw new GeneralSecurityException("no certificate chain " + alias);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (Certificate x : c) {
      out.add((X509Certificate) x);
    }
    return out;
  }

  public void put(String alias, PrivateKey key, List<X509Certificate> chain)
      throws GeneralSecurityException {
    store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
  }

  public void putSecret(String alias, KeyStore.SecretKeyEntry entry)
      throws GeneralSecurityException {
    store.setEntry(alias, entry, new KeyStore.PasswordProtection(password));
  }

  public javax.crypto.SecretKey secretKey(String alias) throws GeneralSecurityException {
    Key k = store.getKey(alias, password);
    if (!(k instanceof javax.crypto.SecretKey sk)) {
      throw new GeneralSecurityException("no secret key " + alias);
    }
    return sk;
  }

  /** Raw secret bytes kept as a PKCS#12 secret-key entry. */
  public void putSecretBytes(String alias, byte[] secret) throws GeneralSecurityException {
    putSecret(
        alias, new KeyStore.SecretKeyEntry(new javax.crypto.spec.SecretKeySpec(secret, "AES")));
  }

  public byte[] secretBytes(String alias) throws GeneralSecurityException {
    byte[] b = secretKey(alias).getEncoded();
    if (b == null) {
      throw new GeneralSecurityException("secret " + alias + " is not extractable");
    }
    return b;
  }

  public void delete(String alias) throws GeneralSecurityException {
    store.deleteEntry(alias);
  }

  /** Writes a PKCS#12 file atomically (temp file, then rename); no-op for a token. */
  public void save() throws GeneralSecurityException, IOException {
    if (file == null) {
      return;
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, FileModes.FILE_0600);
    try (OutputStream out =
        Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
      store.store(out, password);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forgets the password (or PIN); keys already loaded keep working. */
  public void close() {
    java.util.Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return isHardware() ? "PKCS#11 token" : "PKCS#12 " + file;
  }
}
