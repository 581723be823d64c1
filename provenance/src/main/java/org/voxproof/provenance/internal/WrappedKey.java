package org.voxproof.provenance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.voxproof.storage.OwnerOnly;

/**
 * A software key kept encrypted (AES-256-GCM) under an AES key that never leaves a PKCS#11 token:
 * how the Ed25519 checkpoint key is held when the key ring is on an HSM (SunPKCS11 has no EdDSA).
 * The file holds the IV, the ciphertext and the key's certificate.
 */
public final class WrappedKey {
  static final String WRAP_ALIAS = "checkpoint-wrapping-key";
  static final String FILE = "checkpoint-key.wrapped";

  private WrappedKey() {}

  public static void wrap(KeyStoreBackend token, Path dir, PrivateKey key, X509Certificate cert)
      throws GeneralSecurityException, IOException {
    KeyGenerator g = KeyGenerator.getInstance("AES", token.provider());
    g.init(256);
    SecretKey kek = g.generateKey();
    KeyStore.SecretKeyEntry e = new KeyStore.SecretKeyEntry(kek);
    token.putSecret(WRAP_ALIAS, e);
    kek = token.secretKey(WRAP_ALIAS);
    byte[] iv = Crypto.randomBytes(12);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding", token.provider());
    c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, iv));
    c.updateAAD(cert.getEncoded());
    byte[] ct = c.doFinal(key.getEncoded());
    byte[] certDer = cert.getEncoded();
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + ct.length + certDer.length);
    b.put(iv).putInt(ct.length).putInt(certDer.length).put(ct).put(certDer);
    OwnerOnly.write(dir.resolve(FILE), b.array());
  }

  public static KeyPair unwrap(KeyStoreBackend token, Path dir)
      throws GeneralSecurityException, IOException {
    byte[] all = Files.readAllBytes(dir.resolve(FILE));
    ByteBuffer b = ByteBuffer.wrap(all);
    byte[] iv = new byte[12];
    b.get(iv);
    int ctLen = b.getInt();
    int certLen = b.getInt();
    if (ctLen < 0 || certLen < 0 || ctLen + (long) certLen != b.remaining()) {
      throw new GeneralSecurityException("corrupt wrapped key file");
    }
    byte[] ct = new byte[ctLen];
    b.get(ct);
    byte[] certDer = new byte[certLen];
    b.get(certDer);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding", token.provider());
    c.init(Cipher.DECRYPT_MODE, token.secretKey(WRAP_ALIAS), new GCMParameterSpec(128, iv));
    c.updateAAD(certDer);
    byte[] pkcs8 = c.doFinal(ct);
    PrivateKey k =
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    return new KeyPair(Certs.parse(certDer).getPublicKey(), k);
  }

  /** Encrypts {@code secret} under the token's wrapping key into {@code file} (AAD: the name). */
  public static void wrapSecret(KeyStoreBackend token, Path file, byte[] secret)
      throws GeneralSecurityException, IOException {
    byte[] iv = Crypto.randomBytes(12);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding", token.provider());
    c.init(Cipher.ENCRYPT_MODE, token.secretKey(WRAP_ALIAS), new GCMParameterSpec(128, iv));
    c.updateAAD(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] ct = c.doFinal(secret);
    OwnerOnly.createDirectories(file.getParent());
    OwnerOnly.write(file, ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array());
  }

  /** Decrypts a file written by {@link #wrapSecret}. */
  public static byte[] unwrapSecret(KeyStoreBackend token, Path file)
      throws GeneralSecurityException, IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 12 + 16) {
      throw new GeneralSecurityException("corrupt wrapped secret " + file.getFileName());
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding", token.provider());
    c.init(
        Cipher.DECRYPT_MODE,
        token.secretKey(WRAP_ALIAS),
        new GCMParameterSpec(128, java.util.Arrays.copyOf(all, 12)));
    c.updateAAD(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return c.doFinal(all, 12, all.length - 12);
  }
}
