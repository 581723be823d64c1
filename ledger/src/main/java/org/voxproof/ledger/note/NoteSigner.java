package org.voxproof.ledger.note;

/** Signs C2SP signed notes under one key name. */
public interface NoteSigner {
  /** The key name (no whitespace, no '+'); the checkpoint origin by convention. */
  String name();

  /** SPEC: C2SP signed-note: the 4-byte key ID, big-endian. */
  int keyId();

  /** Signs the note body (every line, including the final newline). */
  byte[] sign(byte[] message);

  /** The matching verifier. */
  NoteVerifier verifier();
}
