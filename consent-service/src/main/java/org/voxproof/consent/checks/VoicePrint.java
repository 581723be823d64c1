package org.voxproof.consent.checks;

import java.util.Objects;

/**
 * A speaker embedding of one recording, as made by {@code model} (the built-in baseline or a
 * configured ONNX speaker encoder). Personal data: stored only encrypted under the owner's key.
 */
public record VoicePrint(String model, float[] vector) {
  public VoicePrint {
    Objects.requireNonNull(model, "model");
    vector = vector.clone();
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }
}
