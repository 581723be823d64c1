package org.voxproof.synth.models;

/** Told after the registry removed a voice's models, to drop cached copies (loaded sessions). */
@FunctionalInterface
public interface ErasureListener {
  void erased(RegisteredModel model);
}
