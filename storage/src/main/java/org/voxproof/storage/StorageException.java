package org.voxproof.storage;

/** Base of every checked exception the storage module throws. */
public class StorageException extends Exception {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
