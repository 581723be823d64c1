package org.voxproof.synth.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/** A voice cloned by GPT-SoVITS from the owner's reference sample. */
public record GptSovitsVoice(String voiceId, ReferenceSample reference) implements VoiceModel {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public GptSovitsVoice {
    if (voiceId == null || !ID.matcher(voiceId).matches()) {
      throw new IllegalArgumentException("voice id must be 1..100 of [A-Za-z0-9._-]");
    }
    Objects.requireNonNull(reference, "reference");
  }

  @Override
  public String modelId() {
    return "gpt-sovits-" + voiceId;
  }

  @Override
  public String toString() {
    return "GptSovitsVoice[" + voiceId + "]";
  }
}
