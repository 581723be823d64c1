package org.voxproof.synth;

import java.util.Optional;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.synth.engine.GptSovitsVoice;
import org.voxproof.synth.engine.PiperVoice;
import org.voxproof.synth.engine.ReferenceSample;
import org.voxproof.synth.engine.VoiceModel;
import org.voxproof.synth.models.ModelRegistry;
import org.voxproof.synth.models.RegisteredModel;

/**
 * Chooses the voice model for a consented voice: a Piper/VITS model registered for it in the {@link
 * ModelRegistry}; else, when GPT-SoVITS is configured and the owner has a reference sample, a
 * GPT-SoVITS clone; else the built-in espeak-ng voice for the language (DESIGN.md: a voice with no
 * model configured is spoken by espeak-ng).
 */
public final class VoiceCatalog {
  private final Optional<ModelRegistry> registry;
  private final Optional<ReferenceSampleSource> references;

  private VoiceCatalog(Optional<ModelRegistry> registry, Optional<ReferenceSampleSource> refs) {
    this.registry = registry;
    this.references = refs;
  }

  /** Only the built-in voices. */
  public static VoiceCatalog builtInOnly() {
    return new VoiceCatalog(Optional.empty(), Optional.empty());
  }

  /**
   * Registered Piper models first, then GPT-SoVITS (when {@code references} is given), then espeak.
   */
  public static VoiceCatalog of(
      ModelRegistry registry, Optional<ReferenceSampleSource> references) {
    return new VoiceCatalog(Optional.of(registry), references);
  }

  /** The model that speaks {@code voiceId} in {@code language}. */
  public VoiceModel resolve(String voiceId, String language) throws SynthException {
    if (registry.isPresent()) {
      Optional<RegisteredModel> m = registry.get().forVoice(voiceId);
      if (m.isPresent()) {
        return new PiperVoice(m.get(), 0);
      }
    }
    if (references.isPresent()) {
      Optional<ReferenceSample> s = references.get().find(voiceId);
      if (s.isPresent()) {
        return new GptSovitsVoice(voiceId, s.get());
      }
    }
    return EspeakEngine.voiceFor(language);
  }
}
