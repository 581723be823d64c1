package org.voxproof.provenance;

/** Base of every checked exception the provenance module throws. */
public class ProvenanceException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProvenanceException(String message) {
    super(message);
  }

  public ProvenanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
