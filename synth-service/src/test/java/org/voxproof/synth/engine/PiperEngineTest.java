package org.voxproof.synth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.synth.TestFiles;
import org.voxproof.synth.models.ConsentRef;
import org.voxproof.synth.models.ErasureEvent;
import org.voxproof.synth.models.ModelRegistry;
import org.voxproof.synth.models.RegisteredModel;
import org.voxproof.testkit.Tools;

/**
 * The Piper engine against the tiny checked-in models, whose output is a known function of the
 * inputs (synth-service/scripts/make-test-models.py): the waveform is recomputed here and compared
 * sample by sample, which pins ids, order, input_lengths, each scale's position and the speaker id.
 */
class PiperEngineTest {
  private static final Duration T = Duration.ofSeconds(20);
  private static final int RATE = 22_050;

  @TempDir Path tmp;
  private ModelRegistry registry;
  private PiperEngine engine;

  @BeforeEach
  void setUp() throws Exception {
    Tools.require("espeak-ng");
    registry = ModelRegistry.open(tmp.resolve("reg"));
    engine = PiperEngine.builder().registry(registry).build();
  }

  private PiperVoice register(String voiceId, String model, String configJson) throws Exception {
    Path onnx = TestFiles.copy(model, tmp);
    Path json = tmp.resolve(voiceId + ".json");
    Files.writeString(json, configJson);
    RegisteredModel m =
        registry.registerPiper(
            voiceId,
            new ConsentRef("consent-" + voiceId, new byte[32]),
            onnx,
            json,
            TestFiles.sha256(Files.readAllBytes(onnx)));
    return new PiperVoice(m, 0);
  }

  private static String config(String model) {
    return new String(TestFiles.model(model + ".json"), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The tiny model's output, computed in float32 as ONNX Runtime does. */
  static float[] expected(long[] ids, float noiseScale, float lengthScale, float noiseW, int sid) {
    int hop = Math.max(1, Math.round(256f * lengthScale));
    float fMul = 1f + noiseW * 0.1f;
    float amp = (0.1f + noiseScale * 0.2f) * (sid < 0 ? 1f : 1f + sid * 0.5f);
    float w = (float) (2 * Math.PI / RATE);
    float[] y = new float[ids.length * hop];
    for (int t = 0; t < y.length; t++) {
      float f = (200f + 10f * ids[t / hop]) * fMul;
      float phase = (f * (float) t) * w;
      y[t] = (float) Math.sin(phase) * amp;
    }
    return y;
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i])).as("sample %d", i).isLessThan(2e-3f);
    }
  }

  @Test
  void synthesizeIds_piperSignature_waveformAsSpecified() throws Exception {
    PiperVoice v = register("v1", "tiny-piper.onnx", config("tiny-piper.onnx"));
    long[] ids = {1, 0, 20, 0, 59, 0, 2};
    EngineAudio a = engine.synthesizeIds(v, ids, T);
    assertThat(a.sampleRate()).isEqualTo(RATE);
    assertClose(a.pcm(), expected(ids, 0.667f, 1f, 0.8f, -1));
  }

  @Test
  void synthesizeIds_configScales_reachTheirInputPositions() throws Exception {
    String cfg =
        config("tiny-piper.onnx")
            .replace("\"length_scale\": 1.0", "\"length_scale\": 1.5")
            .replace("\"noise_scale\": 0.667", "\"noise_scale\": 0.25")
            .replace("\"noise_w\": 0.8", "\"noise_w\": 0.0");
    PiperVoice v = register("v2", "tiny-piper.onnx", cfg);
    long[] ids = {1, 0, 14, 0, 2};
    float[] pcm = engine.synthesizeIds(v, ids, T).pcm();
    assertThat(pcm).hasSize(5 * 384);
    assertClose(pcm, expected(ids, 0.25f, 1.5f, 0f, -1));
  }

  @Test
  void synthesizeIds_multiSpeaker_passesSid() throws Exception {
    RegisteredModel m =
        register("v3", "tiny-piper-2spk.onnx", config("tiny-piper-2spk.onnx")).model();
    long[] ids = {1, 0, 30, 0, 2};
    assertClose(
        engine.synthesizeIds(new PiperVoice(m, 1), ids, T).pcm(),
        expected(ids, 0.667f, 1f, 0.8f, 1));
    assertClose(
        engine.synthesizeIds(new PiperVoice(m, 0), ids, T).pcm(),
        expected(ids, 0.667f, 1f, 0.8f, 0));
  }

  @Test
  void synthesize_text_espeakPhonemesPiperIdsAndSentenceGaps() throws Exception {
    PiperVoice v = register("v4", "tiny-piper.onnx", config("tiny-piper.onnx"));
    Phonemizer ph = new Phonemizer(EspeakEngine.findOnPath().orElseThrow());
    List<List<Integer>> sentences = ph.phonemize("Hello world. Bye!", "en-us", T);
    assertThat(sentences).hasSize(2);
    String first =
        new String(
            sentences.get(0).stream().mapToInt(Integer::intValue).toArray(),
            0,
            sentences.get(0).size());
    assertThat(first).isEqualTo(Normalizer.normalize("həlˈoʊ wˈɜːld.", Normalizer.Form.NFD));
    EngineAudio a = engine.synthesize(new EngineRequest("Hello world. Bye!", "en", v, T));
    int ids1 = 2 * sentences.get(0).size() + 3;
    int ids2 = 2 * sentences.get(1).size() + 3;
    assertThat(a.pcm()).hasSize((ids1 + ids2) * 256 + 4410);
    assertThat(a.engine()).isEqualTo("piper-onnx");
    assertThat(a.modelId()).isEqualTo(v.modelId());
  }

  @Test
  void synthesize_outputBeyondLimit_refused() throws Exception {
    PiperVoice v = register("v5", "tiny-piper.onnx", config("tiny-piper.onnx"));
    PiperEngine small = PiperEngine.builder().registry(registry).maxSeconds(0.01).build();
    assertThatThrownBy(
            () -> small.synthesize(new EngineRequest("Hello there, everyone.", "en", v, T)))
        .isInstanceOf(EngineException.class)
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("engine_output_invalid");
  }

  @Test
  void synthesizeIds_modelRunsPastDeadline_terminatedAsTimeout() throws Exception {
    PiperVoice v = register("v8", "slow-piper.onnx", config("tiny-piper.onnx"));
    assertThatThrownBy(() -> engine.synthesizeIds(v, new long[] {1, 0, 2}, Duration.ofMillis(500)))
        .isInstanceOf(EngineTimeoutException.class)
        .hasMessage("piper-onnx did not finish within 500 ms");
  }

  @Test
  void open_multiSpeakerModelWithSingleSpeakerConfig_refused() throws Exception {
    PiperVoice v = register("v6", "tiny-piper-2spk.onnx", config("tiny-piper.onnx"));
    assertThatThrownBy(() -> engine.synthesizeIds(v, new long[] {1, 2}, T))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "not a Piper model for this config: inputs [input, input_lengths, scales, sid]");
  }

  @Test
  void erasure_dropsCachedSessionAndModel() throws Exception {
    PiperVoice v = register("v7", "tiny-piper.onnx", config("tiny-piper.onnx"));
    engine.synthesizeIds(v, new long[] {1, 0, 2}, T);
    assertThat(engine.cachedSessions()).isEqualTo(1);
    registry.erase(ErasureEvent.ofVoice("erasure-1", "v7"));
    assertThat(engine.cachedSessions()).isZero();
    assertThatThrownBy(() -> engine.synthesizeIds(v, new long[] {1, 0, 2}, T))
        .isInstanceOf(EngineException.class)
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("model_not_found");
  }

  @Test
  void clauses_splitAtPunctuationFollowedBySpace() {
    assertThat(Phonemizer.clauses("Hi, you: there; ok. 3.5 is fine! Why? end"))
        .containsExactly(
            new Phonemizer.Clause("Hi", ','),
            new Phonemizer.Clause("you", ':'),
            new Phonemizer.Clause("there", ';'),
            new Phonemizer.Clause("ok", '.'),
            new Phonemizer.Clause("3.5 is fine", '!'),
            new Phonemizer.Clause("Why", '?'),
            new Phonemizer.Clause("end", (char) 0));
  }

  @Test
  void codePoints_languageFlagsDropped() {
    assertThat(Phonemizer.codePoints("(en)ab(cmn)c"))
        .containsExactly((int) 'a', (int) 'b', (int) 'c');
  }
}
