package org.voxproof.storage;

/**
 * The database is busy, locked or unreachable for now; the operation had no effect. Retry after a
 * short pause (services answer 503 + Retry-After).
 */
public class StorageUnavailableException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message) {
    super(message);
  }

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
