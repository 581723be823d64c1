package org.voxproof.ledger.fabric;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals consent salts for the channel with AES-256-GCM under a key only the operator holds (bound
 * to the commitment as associated data): a salted append is one transaction that every
 * organisation's peer endorses, and an endorser sees the transient data, so an auditor's peer sees
 * only this ciphertext. Format: 12-byte nonce ‖ ciphertext ‖ 16-byte tag.
 */
final class SaltSealer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  SaltSealer(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the consent salt key has 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  byte[] seal(byte[] salt, byte[] commitment) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(commitment);
      byte[] ct = c.doFinal(salt);
      byte[] out = Arrays.copyOf(nonce, 12 + ct.length);
      System.arraycopy(ct, 0, out, 12, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] open(byte[] sealed, byte[] commitment) throws GeneralSecurityException {
    if (sealed.length < 12 + 16) {
      throw new GeneralSecurityException("sealed salt too short");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
    c.updateAAD(commitment);
    return c.doFinal(sealed, 12, sealed.length - 12);
  }
}
