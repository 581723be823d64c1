package org.voxproof.synth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.synth.TestFiles;
import org.voxproof.synth.loudness.Loudness;
import org.voxproof.testkit.Tools;

class EspeakEngineTest {
  private static final Duration T = Duration.ofSeconds(20);

  @TempDir Path tmp;

  private EspeakEngine engine;

  @BeforeEach
  void setUp() {
    Tools.require("espeak-ng");
    engine = EspeakEngine.builder().build();
  }

  private EngineAudio say(String text, String voice) throws EngineException {
    return engine.synthesize(new EngineRequest(text, "en", new EspeakVoice(voice), T));
  }

  @Test
  void synthesize_english_speechAt22050Hz() throws Exception {
    EngineAudio a = say("Your new card has been sent to you.", "en-us");
    assertThat(a.sampleRate()).isEqualTo(22_050);
    assertThat(a.seconds()).isBetween(1.0, 5.0);
    assertThat(a.engine()).isEqualTo("espeak-ng");
    assertThat(a.modelId()).isEqualTo("espeak-ng-en-us");
    assertThat(Loudness.integrated(new float[][] {a.pcm()}, a.sampleRate())).isGreaterThan(-40);
  }

  @Test
  void synthesize_severalVoices_differ() throws Exception {
    float[] us = say("Hello there.", "en-us").pcm();
    float[] female = say("Hello there.", "en-us+f3").pcm();
    float[] german = say("Hallo zusammen.", "de").pcm();
    assertThat(female).isNotEqualTo(us);
    assertThat(german).isNotEqualTo(us);
  }

  @Test
  void synthesize_textThatLooksLikeOptions_isSpokenNotObeyed() throws Exception {
    EngineAudio a = say("-v xx --help -w /tmp/out.wav", "en-us");
    assertThat(a.seconds()).isGreaterThan(1.0);
    assertThat(tmp.resolve("out.wav")).doesNotExist();
  }

  @Test
  void synthesize_phonemeInputBrackets_neutralised() throws Exception {
    float[] bracketed = say("[[h@l'oU]] pay", "en-us").pcm();
    float[] plain = say("h@l'oU pay", "en-us").pcm();
    assertThat(bracketed).isEqualTo(plain);
  }

  @Test
  void synthesize_unknownVoice_engineFailed() {
    assertThatThrownBy(() -> say("Hello.", "xx-nope"))
        .isInstanceOf(EngineException.class)
        .hasMessage("espeak-ng exited with 1: Error: The specified espeak-ng voice does not exist.")
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("engine_failed");
  }

  @Test
  void synthesize_nothingSpeakable_engineFailed() {
    assertThatThrownBy(() -> say("[[ ]] \u0000", "en-us"))
        .isInstanceOf(EngineException.class)
        .hasMessage("nothing speakable in the text");
  }

  @Test
  void synthesize_processHangs_timesOut() throws Exception {
    Path slow = TestFiles.script(tmp, "slow-espeak", "sleep 30");
    EspeakEngine e = EspeakEngine.builder().executable(slow).build();
    assertThatThrownBy(
            () ->
                e.synthesize(
                    new EngineRequest(
                        "Hi.", "en", new EspeakVoice("en-us"), Duration.ofMillis(300))))
        .isInstanceOf(EngineTimeoutException.class)
        .hasMessage("espeak-ng did not finish within 300 ms");
  }

  @Test
  void synthesize_endlessOutput_cutOffAtBound() throws Exception {
    Path noisy = TestFiles.script(tmp, "noisy-espeak", "exec cat /dev/zero");
    EspeakEngine e = EspeakEngine.builder().executable(noisy).maxOutputBytes(1 << 20).build();
    assertThatThrownBy(
            () -> e.synthesize(new EngineRequest("Hi.", "en", new EspeakVoice("en-us"), T)))
        .isInstanceOf(EngineException.class)
        .hasMessage("espeak-ng: output larger than 1048576 bytes")
        .extracting(x -> ((EngineException) x).reason())
        .isEqualTo("engine_output_invalid");
  }

  @Test
  void synthesize_garbageOutput_invalidOutput() throws Exception {
    Path liar = TestFiles.script(tmp, "liar-espeak", "echo not a wav file");
    EspeakEngine e = EspeakEngine.builder().executable(liar).build();
    assertThatThrownBy(
            () -> e.synthesize(new EngineRequest("Hi.", "en", new EspeakVoice("en-us"), T)))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("espeak-ng output is not audio: ")
        .extracting(x -> ((EngineException) x).reason())
        .isEqualTo("engine_output_invalid");
  }

  @Test
  void synthesize_missingProgram_unavailable() {
    EspeakEngine e = EspeakEngine.builder().executable(tmp.resolve("absent")).build();
    assertThatThrownBy(
            () -> e.synthesize(new EngineRequest("Hi.", "en", new EspeakVoice("en-us"), T)))
        .isInstanceOf(EngineException.class)
        .extracting(x -> ((EngineException) x).reason())
        .isEqualTo("engine_unavailable");
  }

  @Test
  void voiceFor_languages_defaultVoices() {
    assertThat(EspeakEngine.voiceFor("en-GB").name()).isEqualTo("en-gb");
    assertThat(EspeakEngine.voiceFor("en-AU").name()).isEqualTo("en-us");
    assertThat(EspeakEngine.voiceFor("zh-CN").name()).isEqualTo("cmn");
    assertThat(EspeakEngine.voiceFor("sv").name()).isEqualTo("sv");
  }

  @Test
  void voiceName_optionLike_refused() {
    assertThatThrownBy(() -> new EspeakVoice("-w/tmp/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EspeakVoice("en us")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sanitize_controlsBracketsAndSpaces() {
    assertThat(EspeakText.sanitize("  a\u0000b[[c]]\u200Bd\n\te  ")).isEqualTo("a b c d e");
  }

  @Test
  void request_toString_hidesText() {
    EngineRequest r = new EngineRequest("secret words", "en", new EspeakVoice("en-us"), T);
    assertThat(r.toString()).doesNotContain("secret").contains("12 chars");
  }
}
