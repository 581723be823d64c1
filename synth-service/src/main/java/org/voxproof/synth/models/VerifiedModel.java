package org.voxproof.synth.models;

import java.util.Objects;
import org.voxproof.synth.engine.PiperConfig;

/**
 * A model whose bytes were just read, hashed to the pinned SHA-256 and checked to be ONNX: only
 * {@link ModelRegistry#load} constructs one, and an engine loads exactly these bytes (no second
 * read of the file between check and use).
 */
public final class VerifiedModel {
  private final RegisteredModel registration;
  private final byte[] onnx;
  private final PiperConfig config;

  VerifiedModel(RegisteredModel registration, byte[] onnx, PiperConfig config) {
    this.registration = Objects.requireNonNull(registration);
    this.onnx = onnx.clone();
    this.config = Objects.requireNonNull(config);
  }

  public RegisteredModel registration() {
    return registration;
  }

  /** A copy of the verified ONNX bytes. */
  public byte[] onnx() {
    return onnx.clone();
  }

  public PiperConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "VerifiedModel[" + registration.voiceId() + ", " + registration.modelId() + "]";
  }
}
