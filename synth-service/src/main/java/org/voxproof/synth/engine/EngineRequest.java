package org.voxproof.synth.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What to say, in which language, with which voice, within how long. {@link #toString()} never
 * prints the text.
 */
public record EngineRequest(String text, String language, VoiceModel voice, Duration timeout) {
  public EngineRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(timeout, "timeout");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text is empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  @Override
  public String toString() {
    return "EngineRequest[" + text.length() + " chars, " + language + ", " + voice.modelId() + "]";
  }
}
