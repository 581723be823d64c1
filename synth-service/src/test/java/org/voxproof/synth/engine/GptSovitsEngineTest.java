package org.voxproof.synth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPT-SoVITS engine against {@link FakeGptSovitsServer} (the api_v2 /tts contract). */
class GptSovitsEngineTest {
  private static final Duration T = Duration.ofSeconds(10);

  @TempDir Path exchange;
  private FakeGptSovitsServer fake;
  private GptSovitsEngine engine;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeGptSovitsServer.start();
    engine = GptSovitsEngine.builder().baseUri(fake.uri()).exchangeDir(exchange).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    fake.close();
  }

  static GptSovitsVoice voice(double seconds) {
    int rate = 16_000;
    float[] x = new float[(int) (seconds * rate)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.2 * Math.sin(2 * Math.PI * 150 * i / rate));
    }
    return new GptSovitsVoice(
        "voice-7", new ReferenceSample(new Pcm(x, rate), "hello there", "en"));
  }

  private EngineAudio say(String text, String lang, GptSovitsVoice v) throws EngineException {
    return engine.synthesize(new EngineRequest(text, lang, v, T));
  }

  private void assertExchangeEmpty() throws Exception {
    try (Stream<Path> s = Files.list(exchange)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void synthesize_ok_wavBackAndReferenceHandedOverPrivatelyThenDeleted() throws Exception {
    EngineAudio a = say("Good morning.", "en-GB", voice(5));
    assertThat(a.sampleRate()).isEqualTo(32_000);
    assertThat(a.pcm()).hasSize(13 * 32_000 * 60 / 1000);
    assertThat(a.engine()).isEqualTo("gpt-sovits");
    assertThat(a.modelId()).isEqualTo("gpt-sovits-voice-7");
    FakeGptSovitsServer.Seen s = fake.seen().get(0);
    assertThat(s.body().getString("text")).isEqualTo("Good morning.");
    assertThat(s.body().getString("text_lang")).isEqualTo("en");
    assertThat(s.body().getString("prompt_text")).isEqualTo("hello there");
    assertThat(s.body().getString("prompt_lang")).isEqualTo("en");
    assertThat(s.body().getString("media_type")).isEqualTo("wav");
    Path ref = Path.of(s.body().getString("ref_audio_path"));
    assertThat(ref.isAbsolute() && ref.startsWith(exchange)).isTrue();
    assertThat(s.referenceExisted()).isTrue();
    assertThat(s.referencePermissions()).isEqualTo("rw-------");
    assertThat(s.directoryPermissions()).isEqualTo("rwx------");
    assertThat(s.referenceSeconds()).isEqualTo(5.0);
    assertExchangeEmpty();
  }

  @Test
  void synthesize_longReference_trimmedIntoTheThreeToTenSecondWindow() throws Exception {
    say("Hi.", "en", voice(15));
    assertThat(fake.seen().get(0).referenceSeconds()).isEqualTo(9.5);
  }

  @Test
  void synthesize_shortReference_refusedBeforeCalling() {
    assertThatThrownBy(() -> say("Hi.", "en", voice(2)))
        .isInstanceOf(EngineException.class)
        .hasMessage("reference sample shorter than 3 s");
    assertThat(fake.seen()).isEmpty();
  }

  @Test
  void synthesize_languageWithoutGptSovitsCode_refusedBeforeCalling() {
    assertThatThrownBy(() -> say("Hallo.", "de", voice(5)))
        .isInstanceOf(EngineException.class)
        .hasMessage("GPT-SoVITS has no language for de");
    assertThat(fake.seen()).isEmpty();
  }

  @Test
  void synthesize_server400_engineFailedWithItsMessageAndReferenceDeleted() throws Exception {
    fake.version("v1");
    assertThatThrownBy(() -> say("안녕하세요.", "ko", voice(5)))
        .isInstanceOf(EngineException.class)
        .hasMessage("GPT-SoVITS answered 400: text_lang: ko is not supported in version v1")
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("engine_failed");
    assertExchangeEmpty();
  }

  @Test
  void synthesize_serverDown_unavailable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GptSovitsEngine down =
        GptSovitsEngine.builder()
            .baseUri(URI.create("http://127.0.0.1:" + port))
            .exchangeDir(exchange)
            .build();
    assertThatThrownBy(() -> down.synthesize(new EngineRequest("Hi.", "en", voice(5), T)))
        .isInstanceOf(EngineException.class)
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("engine_unavailable");
    assertExchangeEmpty();
  }

  @Test
  void synthesize_serverTooSlow_timeoutAndReferenceDeleted() throws Exception {
    fake.delayMillis(5_000);
    assertThatThrownBy(
            () ->
                engine.synthesize(new EngineRequest("Hi.", "en", voice(5), Duration.ofMillis(300))))
        .isInstanceOf(EngineTimeoutException.class)
        .hasMessage("gpt-sovits did not finish within 300 ms");
    assertExchangeEmpty();
  }

  @Test
  void synthesize_200WithGarbage_invalidOutput() {
    fake.canned(200, "<html>oops</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> say("Hi.", "en", voice(5)))
        .isInstanceOf(EngineException.class)
        .extracting(e -> ((EngineException) e).reason())
        .isEqualTo("engine_output_invalid");
  }

  @Test
  void synthesize_responseBeyondLimit_invalidOutput() {
    GptSovitsEngine small =
        GptSovitsEngine.builder()
            .baseUri(fake.uri())
            .exchangeDir(exchange)
            .maxResponseBytes(4096)
            .build();
    assertThatThrownBy(() -> small.synthesize(new EngineRequest("Hello there.", "en", voice(5), T)))
        .isInstanceOf(EngineException.class)
        .hasMessage("GPT-SoVITS response larger than the limit");
  }

  @Test
  void fake_speaksApiV2Errors() throws Exception {
    HttpClient c = HttpClient.newHttpClient();
    assertThat(post(c, "{\"text\":\"hi\"}"))
        .isEqualTo("400 {\"message\":\"ref_audio_path is required\"}");
    assertThat(post(c, "{\"ref_audio_path\":\"/x.wav\",\"text\":\"hi\",\"text_lang\":\"en\"}"))
        .isEqualTo("400 {\"message\":\"prompt_lang is required\"}");
    assertThat(
            post(
                c,
                "{\"ref_audio_path\":\"/nope.wav\",\"text\":\"hi\",\"text_lang\":\"en\","
                    + "\"prompt_lang\":\"en\",\"media_type\":\"mp3\"}"))
        .isEqualTo("400 {\"message\":\"media_type: mp3 is not supported\"}");
    assertThat(post(c, "{\"text\": 5}")).startsWith("422 {\"detail\":[");
    assertThat(post(c, "not json")).startsWith("422 {\"detail\":[");
    String missing =
        post(
            c,
            "{\"ref_audio_path\":\"/nope.wav\",\"text\":\"hi\",\"text_lang\":\"en\",\"prompt_lang\":\"en\"}");
    assertThat(missing).startsWith("400 {\"message\":\"tts failed\",\"Exception\":\"[Errno 2]");
  }

  private String post(HttpClient c, String body) throws Exception {
    HttpResponse<String> r =
        c.send(
            HttpRequest.newBuilder(fake.uri().resolve("/tts"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }
}
