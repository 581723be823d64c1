package org.voxproof.detector.batch;

import java.util.Locale;
import java.util.Objects;

/** A batch upload refused as a whole; {@link #reason()} is stable, the message is for humans. */
public final class BatchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Stable reasons; {@link #wire()} is the problem type's last segment. */
  public enum Reason {
    /** Not a ZIP archive, or a damaged one. */
    ARCHIVE_DAMAGED,
    /** More files than the limit. */
    TOO_MANY_FILES,
    /** One file expands beyond the per-file limit. */
    FILE_TOO_LARGE,
    /** All files together expand beyond the total limit (ZIP bombs end here). */
    ARCHIVE_TOO_LARGE,
    /** A file expands more than the allowed ratio over its compressed size. */
    COMPRESSION_RATIO,
    /** An archive inside the archive. */
    NESTED_ARCHIVE,
    /** An absolute path, a {@code ..} segment, a backslash, a control character, or too long. */
    BAD_ENTRY_NAME,
    /** Two entries with the same name. */
    DUPLICATE_ENTRY,
    /** An encrypted entry (cannot be examined). */
    ENCRYPTED_ENTRY,
    /** No files in the archive. */
    EMPTY;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  public BatchException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
