package org.voxproof.synth.engine;

import java.util.Objects;

/**
 * Mono audio from an engine, samples in [-1, 1], with the engine and model that made it.
 *
 * @param audio the samples and their rate
 * @param engine the engine's name
 * @param modelId the voice model's id
 */
public record EngineAudio(Pcm audio, String engine, String modelId) {
  public EngineAudio {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(modelId, "modelId");
  }

  public EngineAudio(float[] pcm, int sampleRate, String engine, String modelId) {
    this(new Pcm(pcm, sampleRate), engine, modelId);
  }

  /** A copy of the samples. */
  public float[] pcm() {
    return audio.samples();
  }

  public int sampleRate() {
    return audio.sampleRate();
  }

  public double seconds() {
    return audio.seconds();
  }
}
