package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioFormatException.Reason;

/** Short constructors for {@link AudioFormatException}. */
public final class Fail {
  private Fail() {}

  public static AudioFormatException notAudio(String msg) {
    return new AudioFormatException(Reason.NOT_AUDIO, msg);
  }

  public static AudioFormatException unsupported(String msg) {
    return new AudioFormatException(Reason.UNSUPPORTED_CODEC, msg);
  }

  public static AudioFormatException truncated(String msg) {
    return new AudioFormatException(Reason.TRUNCATED, msg);
  }

  public static AudioFormatException lies(String msg) {
    return new AudioFormatException(Reason.HEADER_LIES, msg);
  }

  public static AudioFormatException empty(String msg) {
    return new AudioFormatException(Reason.EMPTY, msg);
  }

  /**
   * A codec library rejected the coded data: the headers promised a stream that is not there.
   * Libraries signal this with runtime exceptions, and concentus/JOrbis also with assertion errors
   * (when assertions are enabled) or deep recursion; all of them end here.
   */
  public static AudioFormatException corrupt(String codec, Throwable cause) {
    return new AudioFormatException(
        Reason.HEADER_LIES,
        "corrupt " + codec + " stream: " + cause.getClass().getSimpleName(),
        cause);
  }

  /** Unchecked carrier so a limit can abort from inside a codec library's callback. */
  public static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AudioFormatException failure;

    public Abort(AudioFormatException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }

    public AudioFormatException failure() {
      return failure;
    }
  }
}
