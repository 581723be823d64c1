package org.voxproof.synth.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxproof.synth.engine.internal.PiperSession;
import org.voxproof.synth.models.ModelRegistry;
import org.voxproof.synth.models.ModelRejectedException;
import org.voxproof.synth.models.RegisteredModel;
import org.voxproof.synth.models.VerifiedModel;

/**
 * VITS/Piper voices in-process on ONNX Runtime. Models come only from the {@link ModelRegistry}
 * (hash-pinned, ONNX-only); phonemes come from espeak-ng ({@link Phonemizer}); each sentence runs
 * through the model with Piper's exact signature (see {@link PiperSession}) and sentences are
 * joined with a short silence, as Piper does. Loaded sessions are cached per voice and dropped when
 * the registry erases the voice.
 */
public final class PiperEngine implements SynthesisEngine {
  private final ModelRegistry registry;
  private final Phonemizer phonemizer;
  private final int threads;
  private final double sentenceSilenceSeconds;
  private final double maxSeconds;
  private final int cacheSize;
  private final Map<String, PiperSession> sessions = new LinkedHashMap<>(16, 0.75f, true);

  private PiperEngine(Builder b) {
    this.registry = b.registry;
    this.phonemizer = new Phonemizer(b.espeak);
    this.threads = b.threads;
    this.sentenceSilenceSeconds = b.sentenceSilenceSeconds;
    this.maxSeconds = b.maxSeconds;
    this.cacheSize = b.cacheSize;
    registry.addErasureListener(this::drop);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "piper-onnx";
  }

  @Override
  public boolean supports(VoiceModel voice) {
    return voice instanceof PiperVoice;
  }

  @Override
  public EngineAudio synthesize(EngineRequest request) throws EngineException {
    if (!(request.voice() instanceof PiperVoice v)) {
      throw new IllegalArgumentException("not a Piper voice: " + request.voice().modelId());
    }
    long deadline = System.nanoTime() + request.timeout().toNanos();
    PiperSession s = session(v.model());
    List<List<Integer>> sentences =
        phonemizer.phonemize(request.text(), s.config().espeakVoice(), request.timeout());
    if (sentences.isEmpty()) {
      throw EngineException.failed("nothing speakable in the text");
    }
    int rate = s.config().sampleRate();
    int gap = (int) Math.round(sentenceSilenceSeconds * rate);
    int maxSamples = (int) Math.min(Integer.MAX_VALUE - 8, maxSeconds * rate);
    float[] out = new float[0];
    for (List<Integer> sentence : sentences) {
      long[] ids = s.ids(sentence);
      float[] audio = s.run(ids, v.speakerId(), left(deadline, request.timeout()), maxSamples);
      out = append(out, audio, out.length == 0 ? 0 : gap, maxSamples);
    }
    return new EngineAudio(out, rate, name(), v.modelId());
  }

  /** Synthesizes already-mapped phoneme ids (one sentence) — the model's raw contract. */
  public EngineAudio synthesizeIds(PiperVoice v, long[] ids, Duration timeout)
      throws EngineException {
    PiperSession s = session(v.model());
    int maxSamples = (int) Math.min(Integer.MAX_VALUE - 8, maxSeconds * s.config().sampleRate());
    float[] audio = s.run(ids, v.speakerId(), timeout, maxSamples);
    return new EngineAudio(audio, s.config().sampleRate(), name(), v.modelId());
  }

  private synchronized PiperSession session(RegisteredModel m) throws EngineException {
    PiperSession s = sessions.get(m.voiceId());
    if (s != null && s.sha256().equals(m.sha256())) {
      return s;
    }
    VerifiedModel vm;
    try {
      vm = registry.load(m.voiceId());
    } catch (ModelRejectedException e) {
      throw new EngineException(e.reason(), e.getMessage(), e);
    } catch (IOException e) {
      throw EngineException.unavailable("cannot read the voice model", e);
    }
    PiperSession fresh = PiperSession.open(OrtEnvironment.getEnvironment(), vm, options());
    PiperSession old = sessions.put(m.voiceId(), fresh);
    if (old != null) {
      old.close();
    }
    evict();
    return fresh;
  }

  private void evict() {
    while (sessions.size() > cacheSize) {
      String eldest = sessions.keySet().iterator().next();
      sessions.remove(eldest).close();
    }
  }

  private synchronized void drop(RegisteredModel m) {
    PiperSession s = sessions.remove(m.voiceId());
    if (s != null) {
      s.close();
    }
  }

  /** Number of loaded sessions (tests: erasure drops cached copies). */
  public synchronized int cachedSessions() {
    return sessions.size();
  }

  private OrtSession.SessionOptions options() throws EngineException {
    try {
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      return o;
    } catch (OrtException e) {
      throw EngineException.unavailable("ONNX Runtime: " + e.getMessage(), e);
    }
  }

  private static float[] append(float[] a, float[] b, int gap, int max) throws EngineException {
    long n = (long) a.length + gap + b.length;
    if (n > max) {
      throw EngineException.invalidOutput("synthesized audio longer than the limit", null);
    }
    float[] out = new float[(int) n];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length + gap, b.length);
    return out;
  }

  private static Duration left(long deadline, Duration total) throws EngineException {
    long ns = deadline - System.nanoTime();
    if (ns <= 0) {
      throw new EngineTimeoutException("piper-onnx", total);
    }
    return Duration.ofNanos(ns);
  }

  @Override
  public synchronized void close() {
    sessions.values().forEach(PiperSession::close);
    sessions.clear();
  }

  /** Options: the registry (required), espeak-ng, threads, silence, output bound, cache size. */
  public static final class Builder {
    private ModelRegistry registry;
    private Path espeak;
    private int threads = 1;
    private double sentenceSilenceSeconds = 0.2;
    private double maxSeconds = 600;
    private int cacheSize = 8;

    private Builder() {}

    public Builder registry(ModelRegistry r) {
      this.registry = r;
      return this;
    }

    /** espeak-ng for phonemes (default: on the PATH). */
    public Builder espeak(Path p) {
      this.espeak = p;
      return this;
    }

    /** ONNX Runtime intra-op threads per run (default 1: requests run in parallel instead). */
    public Builder threads(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("threads must be in 1..64");
      }
      this.threads = n;
      return this;
    }

    /** Silence between sentences (default 0.2 s, Piper's). */
    public Builder sentenceSilenceSeconds(double s) {
      if (!(s >= 0 && s <= 5)) {
        throw new IllegalArgumentException("sentence silence must be in [0, 5] s");
      }
      this.sentenceSilenceSeconds = s;
      return this;
    }

    /** Longest output accepted (default 600 s). */
    public Builder maxSeconds(double s) {
      if (!(s > 0 && s <= 3600)) {
        throw new IllegalArgumentException("max seconds must be in (0, 3600]");
      }
      this.maxSeconds = s;
      return this;
    }

    /** Loaded models kept (default 8, least recently used dropped first). */
    public Builder cacheSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("cache size must be >= 1");
      }
      this.cacheSize = n;
      return this;
    }

    public PiperEngine build() {
      if (registry == null) {
        throw new IllegalStateException("PiperEngine needs the model registry");
      }
      if (espeak == null) {
        espeak =
            EspeakEngine.findOnPath()
                .orElseThrow(() -> new IllegalStateException("espeak-ng is not on the PATH"));
      }
      return new PiperEngine(this);
    }
  }
}
