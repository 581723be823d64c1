package org.voxproof.ledger.note;

/**
 * Signs C2SP signed notes under one key name: the primitive the ledger signs checkpoints with, so
 * that it never holds private key bytes. The operator key ring hands one out (its key may live in
 * an HSM); {@link Ed25519NoteKeys} makes software ones (tests, benchmarks, a log's own key).
 */
public interface NoteSigner {
  /** The key name (no whitespace, no '+'); the checkpoint origin by convention. */
  String name();

  /** SPEC: C2SP signed-note: the 4-byte key ID, big-endian. */
  int keyId();

  /**
   * Signs the note body (every line, including the final newline). May throw an unchecked exception
   * (say, a token went away); the ledger then acknowledges nothing it would have covered.
   */
  byte[] sign(byte[] message);

  /** The matching verifier. */
  NoteVerifier verifier();
}
