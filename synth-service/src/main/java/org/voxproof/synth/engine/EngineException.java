package org.voxproof.synth.engine;

import org.voxproof.synth.SynthException;

/**
 * An engine could not produce audio: the process or server failed, timed out, or returned something
 * that is not audio. The service answers 503 (Retry-After) and releases nothing. Reasons: {@code
 * engine_unavailable}, {@code engine_timeout}, {@code engine_failed}, {@code
 * engine_output_invalid}.
 */
public class EngineException extends SynthException {
  private static final long serialVersionUID = 1L;

  public EngineException(String reason, String message) {
    super(reason, message);
  }

  public EngineException(String reason, String message, Throwable cause) {
    super(reason, message, cause);
  }

  /** Maps a failed external run to the engine's reasons. */
  static EngineException of(
      String engine,
      org.voxproof.synth.engine.internal.ProcessRunner.RunException e,
      java.time.Duration timeout) {
    switch (e.failure()) {
      case TIMEOUT:
        return new EngineTimeoutException(engine, timeout);
      case TOO_LARGE:
        return invalidOutput(engine + ": " + e.getMessage(), e);
      default:
        return unavailable(engine + ": " + e.getMessage(), e);
    }
  }

  static EngineException unavailable(String message, Throwable cause) {
    return new EngineException("engine_unavailable", message, cause);
  }

  static EngineException failed(String message) {
    return new EngineException("engine_failed", message);
  }

  static EngineException invalidOutput(String message, Throwable cause) {
    return new EngineException("engine_output_invalid", message, cause);
  }
}
