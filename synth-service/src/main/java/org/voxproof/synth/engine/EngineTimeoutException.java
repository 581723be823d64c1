package org.voxproof.synth.engine;

import java.time.Duration;

/** The engine did not finish within its time limit; the process or request was cancelled. */
public class EngineTimeoutException extends EngineException {
  private static final long serialVersionUID = 1L;

  public EngineTimeoutException(String engine, Duration limit) {
    super("engine_timeout", engine + " did not finish within " + limit.toMillis() + " ms");
  }
}
