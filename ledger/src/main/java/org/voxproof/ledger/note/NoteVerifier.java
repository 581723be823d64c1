package org.voxproof.ledger.note;

import org.voxproof.ledger.ProofVerificationException;

/** Verifies signatures of one signed-note key. */
public interface NoteVerifier {
  String name();

  /** SPEC: C2SP signed-note: the 4-byte key ID, big-endian. */
  int keyId();

  /**
   * Returns only when {@code signature} is valid over {@code message}.
   *
   * @throws ProofVerificationException {@code BAD_SIGNATURE} otherwise
   */
  void verify(byte[] message, byte[] signature) throws ProofVerificationException;

  /** The verifier key string {@code name+hex(keyID)+base64(type || public key)}. */
  String verifierKey();
}
