package org.voxproof.synth.engine;

/**
 * A built-in espeak-ng voice (e.g. {@code en-us}, {@code de}, {@code cmn}, {@code en-us+f3}):
 * formant synthesis, clearly not anyone's voice.
 */
public record EspeakVoice(String name) implements VoiceModel {
  public EspeakVoice {
    if (name == null || !EspeakEngine.VOICE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an espeak-ng voice name");
    }
  }

  @Override
  public String modelId() {
    return "espeak-ng-" + name;
  }
}
