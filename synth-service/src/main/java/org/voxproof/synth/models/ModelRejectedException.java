package org.voxproof.synth.models;

import org.voxproof.synth.SynthException;

/**
 * A model file was refused: an executable format (pickle, a PyTorch checkpoint, any zip archive),
 * not a well-formed ONNX model, a SHA-256 that does not match the pinned one, or a bad Piper
 * configuration. Reasons: {@code model_format_refused}, {@code model_hash_mismatch}, {@code
 * model_config_invalid}, {@code model_not_found}.
 */
public class ModelRejectedException extends SynthException {
  private static final long serialVersionUID = 1L;

  public ModelRejectedException(String reason, String message) {
    super(reason, message);
  }

  static ModelRejectedException format(String message) {
    return new ModelRejectedException("model_format_refused", message);
  }
}
