package org.voxproof.storage;

/** A uniqueness rule refused the change (the row exists already); nothing was changed. */
public class StorageConflictException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StorageConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
