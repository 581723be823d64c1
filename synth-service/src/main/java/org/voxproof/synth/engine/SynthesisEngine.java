package org.voxproof.synth.engine;

/**
 * The engine SPI: turns text into mono PCM for one kind of {@link VoiceModel}. Implementations:
 * {@link EspeakEngine} (built in, not a clone), {@link PiperEngine} (ONNX Runtime in-process,
 * VITS/Piper voices), {@link GptSovitsEngine} (GPT-SoVITS {@code api_v2} over HTTP). Calls block:
 * run them on a worker pool. Implementations are thread-safe.
 */
public interface SynthesisEngine extends AutoCloseable {
  /** The engine's name as manifests and ledger records carry it, e.g. {@code espeak-ng}. */
  String name();

  /** True when this engine synthesizes {@code voice}. */
  boolean supports(VoiceModel voice);

  /**
   * Synthesizes {@code request.text()} with {@code request.voice()}.
   *
   * @throws EngineException the engine failed, timed out or returned no usable audio
   */
  EngineAudio synthesize(EngineRequest request) throws EngineException;

  /** Releases the engine's resources (sessions, cached models). */
  @Override
  default void close() {}
}
