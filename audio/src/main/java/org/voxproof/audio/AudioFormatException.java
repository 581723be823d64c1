package org.voxproof.audio;

/** Bad or unsupported audio input, with a stable machine-readable {@link Reason}. */
public class AudioFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Stable reasons; their {@link #code()} strings appear in API errors and never change. */
  public enum Reason {
    NOT_AUDIO("not_audio"),
    UNSUPPORTED_CODEC("unsupported_codec"),
    TRUNCATED("truncated"),
    HEADER_LIES("header_lies"),
    TOO_LONG("too_long"),
    TOO_LARGE("too_large"),
    EMPTY("empty");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  public AudioFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public AudioFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
