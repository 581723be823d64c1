package org.voxproof.provenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.voxproof.provenance.internal.Crypto;

/**
 * Envelope encryption of personal data (DESIGN.md "Rules that hold everywhere"): each data owner
 * gets a random AES-256 data key that is stored only wrapped (AES-256-GCM) by the operator's data
 * wrapping key, which never leaves the key ring (on a PKCS#11 token it never leaves the token).
 * Destroying an owner's wrapped key makes everything sealed under it unreadable (crypto-shredding).
 * Callers get an {@link OwnerKey} that seals and opens; they never see key bytes.
 *
 * <pre>{@code
 * DataKeys keys = ring.dataKeys();
 * DataKeys.OwnerKey k = keys.create(ownerId);       // store k.wrapped() beside the owner
 * byte[] sealed = k.seal(name.getBytes(UTF_8), "owner-name".getBytes(UTF_8));
 * byte[] name = keys.open(ownerId, wrapped).open(sealed, "owner-name".getBytes(UTF_8));
 * }</pre>
 */
public final class DataKeys {
  private static final int IV = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;
  private static final byte[] WRAP_DOMAIN =
      "voxproof data key\0".getBytes(StandardCharsets.US_ASCII);

  private final SecretKey wrappingKey;
  private final Provider provider; // the token's, or null for the JDK's AES-GCM

  DataKeys(SecretKey wrappingKey, Provider provider) {
    this.wrappingKey = Objects.requireNonNull(wrappingKey);
    this.provider = provider;
  }

  /** A fresh random data key for {@code ownerId}; keep {@link OwnerKey#wrapped()}. */
  public OwnerKey create(String ownerId) throws KeyRingException {
    byte[] raw = Crypto.randomBytes(32);
    try {
      byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, wrappingKey, provider, raw, wrapAad(ownerId));
      return new OwnerKey(new SecretKeySpec(raw, "AES"), wrapped);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * The data key of {@code ownerId} from its wrapped form.
   *
   * @throws KeyRingException when it was not wrapped by this ring for this owner, or is damaged
   */
  public OwnerKey open(String ownerId, byte[] wrapped) throws KeyRingException {
    byte[] raw = gcmOpen(wrappingKey, provider, wrapped, wrapAad(ownerId));
    try {
      if (raw.length != 32) {
        throw new KeyRingException("wrapped data key has the wrong length");
      }
      return new OwnerKey(new SecretKeySpec(raw, "AES"), wrapped.clone());
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static byte[] wrapAad(String ownerId) {
    byte[] id = Objects.requireNonNull(ownerId, "ownerId").getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(WRAP_DOMAIN.length + id.length).put(WRAP_DOMAIN).put(id).array();
  }

  /** Sealed form: version (1), IV (12), ciphertext and GCM tag. */
  private static byte[] gcm(int mode, SecretKey key, Provider p, byte[] in, byte[] aad)
      throws KeyRingException {
    byte[] iv = Crypto.randomBytes(IV);
    try {
      Cipher c =
          p == null
              ? Cipher.getInstance("AES/GCM/NoPadding")
              : Cipher.getInstance("AES/GCM/NoPadding", p);
      c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(aad);
      byte[] ct = c.doFinal(in);
      return ByteBuffer.allocate(1 + IV + ct.length).put(VERSION).put(iv).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("encryption failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static byte[] gcmOpen(SecretKey key, Provider p, byte[] sealed, byte[] aad)
      throws KeyRingException {
    if (sealed == null || sealed.length < 1 + IV + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new KeyRingException("not a sealed value");
    }
    try {
      Cipher c =
          p == null
              ? Cipher.getInstance("AES/GCM/NoPadding")
              : Cipher.getInstance("AES/GCM/NoPadding", p);
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV));
      c.updateAAD(aad);
      return c.doFinal(sealed, 1 + IV, sealed.length - 1 - IV);
    } catch (GeneralSecurityException e) {
      throw new KeyRingException("decryption failed (wrong key, owner or context, or damaged)", e);
    }
  }

  @Override
  public String toString() {
    return "DataKeys[" + (provider == null ? "software" : "token") + "]";
  }

  /** One owner's data key: seals and opens that owner's data. Never prints the key. */
  public static final class OwnerKey {
    private final SecretKey key;
    private final byte[] wrapped;

    private OwnerKey(SecretKey key, byte[] wrapped) {
      this.key = key;
      this.wrapped = wrapped;
    }

    /** The key wrapped by the operator's data wrapping key: what is stored. */
    public byte[] wrapped() {
      return wrapped.clone();
    }

    /**
     * AES-256-GCM with a random IV; {@code context} (e.g. the column and row it goes to) is bound
     * as associated data, so a sealed value cannot be moved elsewhere unnoticed.
     */
    public byte[] seal(byte[] plaintext, byte[] context) throws KeyRingException {
      return gcm(Cipher.ENCRYPT_MODE, key, null, plaintext, context);
    }

    /**
     * Opens a value sealed under this key with the same {@code context}.
     *
     * @throws KeyRingException when the key, context or value do not match
     */
    public byte[] open(byte[] sealed, byte[] context) throws KeyRingException {
      return gcmOpen(key, null, sealed, context);
    }

    @Override
    public String toString() {
      return "OwnerKey[<hidden>]";
    }
  }
}
