package org.voxproof.synth.engine;

import java.util.Objects;
import org.voxproof.synth.models.RegisteredModel;

/**
 * A VITS/Piper voice registered in the model registry, and which speaker of a multi-speaker model
 * to use (ignored when the model has one speaker, as in Piper).
 */
public record PiperVoice(RegisteredModel model, int speakerId) implements VoiceModel {
  public PiperVoice {
    Objects.requireNonNull(model, "model");
    if (speakerId < 0) {
      throw new IllegalArgumentException("speaker id must be >= 0");
    }
  }

  @Override
  public String modelId() {
    return model.modelId();
  }
}
