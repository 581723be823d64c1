package org.voxproof.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.synth.SynthesizerFixture.TEXT;
import static org.voxproof.synth.SynthesizerFixture.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.policy.UsageRules;
import org.voxproof.synth.engine.FakeGptSovitsServer;
import org.voxproof.synth.engine.GptSovitsEngine;
import org.voxproof.synth.engine.Pcm;
import org.voxproof.synth.engine.PiperEngine;
import org.voxproof.synth.engine.ReferenceSample;
import org.voxproof.synth.models.ErasureEvent;
import org.voxproof.synth.models.ModelRegistry;
import org.voxproof.testkit.Tools;
import org.voxproof.watermark.Watermarker;

/** The engine is chosen per voice: registered Piper model, GPT-SoVITS clone, or espeak-ng. */
class SynthesizerVoicesTest {
  @TempDir Path tmp;
  private SynthesizerFixture fx;
  private ModelRegistry registry;
  private FakeGptSovitsServer gptSovits;

  @BeforeEach
  void setUp() throws Exception {
    Tools.require("espeak-ng");
    fx = new SynthesizerFixture(tmp);
    registry = ModelRegistry.open(tmp.resolve("models"));
    gptSovits = FakeGptSovitsServer.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    gptSovits.close();
    fx.close();
  }

  private Synthesizer synthesizer() throws Exception {
    ReferenceSampleSource refs =
        voiceId -> voiceId.equals("voice-2") ? Optional.of(reference()) : Optional.empty();
    Files.createDirectories(tmp.resolve("exchange"));
    return fx.builder(UsageRules.defaults())
        .voices(VoiceCatalog.of(registry, Optional.of(refs)))
        .engine(PiperEngine.builder().registry(registry).build())
        .engine(
            GptSovitsEngine.builder()
                .baseUri(gptSovits.uri())
                .exchangeDir(tmp.resolve("exchange"))
                .build())
        .build();
  }

  private static ReferenceSample reference() {
    float[] x = new float[16_000 * 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.2 * Math.sin(i * 0.05));
    }
    return new ReferenceSample(new Pcm(x, 16_000), "", "en");
  }

  private void registerPiper(String voiceId) throws Exception {
    Path onnx = TestFiles.copy("tiny-piper.onnx", tmp);
    Path json = TestFiles.copy("tiny-piper.onnx.json", tmp);
    registry.registerPiper(
        voiceId,
        new org.voxproof.synth.models.ConsentRef(
            "consent-" + voiceId, SynthesizerFixture.COMMITMENT),
        onnx,
        json,
        TestFiles.sha256(Files.readAllBytes(onnx)));
  }

  private VerifiedConsent consentFor(String voiceId) throws Exception {
    return fx.consent(voiceId, Instant.now().plusSeconds(600));
  }

  @Test
  void synthesize_registeredPiperModel_speaksThroughOnnxAndIsMarked() throws Exception {
    registerPiper("voice-1");
    SynthesisResult r = synthesizer().synthesize(fx.consent(), request(TEXT, OutputFormat.WAV));
    assertThat(r.engine()).isEqualTo("piper-onnx");
    assertThat(r.modelId()).startsWith("piper-");
    DecodedAudio a = AudioDecoder.create().decode(r.audio());
    assertThat(
            Watermarker.builder()
                .build()
                .detect(a.channels(), a.sampleRate(), List.of(fx.key))
                .payload())
        .hasValueSatisfying(p -> assertThat(p.hex()).isEqualTo(r.watermarkPayload()));
    assertThat(fx.ledger.findById(r.manifestId().toString()).orElseThrow().record().engine())
        .isEqualTo("piper-onnx/" + r.modelId());
  }

  @Test
  void synthesize_voiceWithReferenceSample_clonedByGptSovits() throws Exception {
    SynthesisResult r =
        synthesizer().synthesize(consentFor("voice-2"), request(TEXT, OutputFormat.WAV));
    assertThat(r.engine()).isEqualTo("gpt-sovits");
    assertThat(gptSovits.seen()).hasSize(1);
    try (var s = Files.list(tmp.resolve("exchange"))) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void synthesize_voiceWithoutModel_builtInEspeak() throws Exception {
    SynthesisResult r =
        synthesizer().synthesize(consentFor("voice-3"), request(TEXT, OutputFormat.WAV));
    assertThat(r.engine()).isEqualTo("espeak-ng");
    assertThat(r.modelId()).isEqualTo("espeak-ng-en-us");
  }

  @Test
  void synthesize_afterErasure_modelGoneFromRegistry() throws Exception {
    registerPiper("voice-1");
    Synthesizer s = synthesizer();
    assertThat(s.synthesize(fx.consent(), request("Hello there.", OutputFormat.WAV)).engine())
        .isEqualTo("piper-onnx");
    registry.erase(ErasureEvent.ofVoice("erasure-1", "voice-1"));
    assertThat(registry.forVoice("voice-1")).isEmpty();
  }
}
