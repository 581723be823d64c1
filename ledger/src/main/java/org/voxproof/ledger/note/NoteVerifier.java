package org.voxproof.ledger.note;

/** Verifies signatures of one signed-note key. */
public interface NoteVerifier {
  String name();

  /** SPEC: C2SP signed-note: the 4-byte key ID, big-endian. */
  int keyId();

  /** True only when {@code signature} is valid over {@code message}. */
  boolean verify(byte[] message, byte[] signature);

  /** The verifier key string {@code name+hex(keyID)+base64(type || public key)}. */
  String verifierKey();
}
