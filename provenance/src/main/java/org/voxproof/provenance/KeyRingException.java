package org.voxproof.provenance;

/** The key ring could not be created, opened, read or changed. Never carries a secret. */
public final class KeyRingException extends ProvenanceException {
  private static final long serialVersionUID = 1L;

  public KeyRingException(String message) {
    super(message);
  }

  public KeyRingException(String message, Throwable cause) {
    super(message, cause);
  }
}
