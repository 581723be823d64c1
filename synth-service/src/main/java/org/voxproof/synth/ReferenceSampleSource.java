package org.voxproof.synth;

import java.util.Optional;
import org.voxproof.synth.engine.ReferenceSample;

/**
 * Where an owner's reference sample comes from for GPT-SoVITS (consent-service's encrypted sample
 * store, wired by the application). Returns nothing for a voice without samples.
 */
@FunctionalInterface
public interface ReferenceSampleSource {
  Optional<ReferenceSample> find(String voiceId) throws SynthException;
}
