package org.voxproof.synth.engine;

/**
 * Which voice an engine speaks with; the voice catalog picks one per consented voice. {@link
 * #modelId()} is an identifier safe for manifests and ledger records (never a name).
 */
public sealed interface VoiceModel permits EspeakVoice, PiperVoice, GptSovitsVoice {
  String modelId();
}
