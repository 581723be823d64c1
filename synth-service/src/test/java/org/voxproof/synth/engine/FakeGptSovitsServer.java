package org.voxproof.synth.engine;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;

/**
 * A fake GPT-SoVITS {@code api_v2} server for contract tests: it speaks exactly the {@code POST
 * /tts} protocol of RVC-Boss/GPT-SoVITS api_v2.py — pydantic type errors give 422 {@code {"detail":
 * [...]}}; {@code check_params} refusals give 400 {@code {"message": ...}} with the same texts in
 * the same order; a pipeline failure gives 400 {@code {"message": "tts failed", "Exception": ...}}
 * (including TTS.py's 3–10 s reference check, done on the 16 kHz length); success gives 200 {@code
 * audio/wav} (16-bit PCM as soundfile writes it) at 32 kHz. Instead of a model it speaks a tone, 60
 * ms per character. It records what it saw of each request and of the reference file at that
 * moment.
 */
public final class FakeGptSovitsServer implements AutoCloseable {
  static final int RATE = 32_000;
  static final List<String> CUT_METHODS = List.of("cut0", "cut1", "cut2", "cut3", "cut4", "cut5");
  static final Set<String> V2_LANGUAGES =
      Set.of(
          "auto",
          "auto_yue",
          "en",
          "zh",
          "ja",
          "yue",
          "ko",
          "all_zh",
          "all_ja",
          "all_yue",
          "all_ko");
  static final Set<String> V1_LANGUAGES = Set.of("auto", "en", "zh", "ja", "all_zh", "all_ja");

  /** What one request looked like when it arrived. */
  public record Seen(
      JsonObject body,
      boolean referenceExisted,
      String referencePermissions,
      String directoryPermissions,
      double referenceSeconds) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile String version = "v2";
  private volatile long delayMillis;
  private volatile byte[] cannedBody;
  private volatile int cannedStatus;

  private FakeGptSovitsServer() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(this::handle)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  public static FakeGptSovitsServer start() throws Exception {
    return new FakeGptSovitsServer();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** Behave as GPT-SoVITS {@code v1} (fewer languages) or {@code v2}. */
  public void version(String v) {
    this.version = v;
  }

  /** Answer only after this long. */
  public void delayMillis(long ms) {
    this.delayMillis = ms;
  }

  /** Answer every /tts request with this status and body instead. */
  public void canned(int status, byte[] body) {
    this.cannedStatus = status;
    this.cannedBody = body;
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpServerRequest req) {
    if (!"/tts".equals(req.path()) || req.method() != io.vertx.core.http.HttpMethod.POST) {
      json(req, 404, new JsonObject().put("detail", "Not Found"));
      return;
    }
    req.body()
        .onSuccess(
            b ->
                vertx
                    .<Reply>executeBlocking(() -> tts(b))
                    .onSuccess(r -> vertx.setTimer(Math.max(1, delayMillis), t -> r.send(req))));
  }

  /** A prepared response. */
  private record Reply(int status, String type, Buffer body) {
    void send(HttpServerRequest req) {
      req.response().setStatusCode(status).putHeader("content-type", type).end(body);
    }
  }

  private Reply tts(Buffer raw) {
    JsonObject body;
    try {
      body = raw.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return error(422, detail("json_invalid", "JSON decode error"));
    }
    String typeError = typeError(body);
    if (typeError != null) {
      return error(422, detail("string_type", typeError));
    }
    Seen s = look(body);
    seen.add(s);
    if (cannedBody != null) {
      return new Reply(cannedStatus, "audio/wav", Buffer.buffer(cannedBody));
    }
    String refused = checkParams(body);
    if (refused != null) {
      return error(400, new JsonObject().put("message", refused));
    }
    if (!s.referenceExisted() || s.referenceSeconds() < 0) {
      return failed(
          "[Errno 2] No such file or directory: '" + body.getString("ref_audio_path") + "'");
    }
    // SPEC: GPT_SoVITS/TTS_infer_pack/TTS.py — wav16k.shape[0] > 160000 or < 48000 → OSError.
    long at16k = Math.round(s.referenceSeconds() * 16_000);
    if (at16k > 160_000 || at16k < 48_000) {
      return failed("参考音频在3~10秒范围外，请更换！");
    }
    float[] tone = tone(body.getString("text").length());
    return new Reply(
        200, "audio/wav", Buffer.buffer(WavWriter.pcm16().toBytes(new float[][] {tone}, RATE)));
  }

  // SPEC: api_v2.py check_params — the order and texts of its 400 answers.
  private String checkParams(JsonObject b) {
    Set<String> langs = "v1".equals(version) ? V1_LANGUAGES : V2_LANGUAGES;
    if (empty(b, "ref_audio_path")) {
      return "ref_audio_path is required";
    }
    if (empty(b, "text")) {
      return "text is required";
    }
    if (empty(b, "text_lang")) {
      return "text_lang is required";
    } else if (!langs.contains(b.getString("text_lang").toLowerCase(java.util.Locale.ROOT))) {
      return "text_lang: " + b.getString("text_lang") + " is not supported in version " + version;
    }
    if (empty(b, "prompt_lang")) {
      return "prompt_lang is required";
    } else if (!langs.contains(b.getString("prompt_lang").toLowerCase(java.util.Locale.ROOT))) {
      return "prompt_lang: "
          + b.getString("prompt_lang")
          + " is not supported in version "
          + version;
    }
    String media = b.getString("media_type", "wav");
    if (!List.of("wav", "raw", "ogg", "aac").contains(media)) {
      return "media_type: " + media + " is not supported";
    }
    String cut = b.getString("text_split_method", "cut5");
    if (!CUT_METHODS.contains(cut)) {
      return "text_split_method:" + cut + " is not supported";
    }
    Object mode = b.getValue("streaming_mode", false);
    if (!(mode instanceof Boolean) && !List.of(0, 1, 2, 3).contains(mode)) {
      return "the value of streaming_mode must be 0, 1, 2, 3(int) or true/false(bool)";
    }
    return null;
  }

  private static String typeError(JsonObject b) {
    for (String f :
        List.of(
            "text",
            "text_lang",
            "ref_audio_path",
            "prompt_lang",
            "prompt_text",
            "media_type",
            "text_split_method")) {
      Object v = b.getValue(f);
      if (v != null && !(v instanceof String)) {
        return f + ": Input should be a valid string";
      }
    }
    return null;
  }

  private static boolean empty(JsonObject b, String f) {
    String v = b.getString(f);
    return v == null || v.isEmpty();
  }

  private static Seen look(JsonObject body) {
    String ref = body.getValue("ref_audio_path") instanceof String s ? s : "";
    Path p = ref.isEmpty() ? null : Path.of(ref);
    if (p == null || !Files.isRegularFile(p)) {
      return new Seen(body, false, "", "", -1);
    }
    try {
      DecodedAudio a = AudioDecoder.create().decode(p);
      return new Seen(
          body,
          true,
          PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())),
          a.frames() / (double) a.sampleRate());
    } catch (Exception e) {
      return new Seen(body, true, "", "", -1);
    }
  }

  private static float[] tone(int chars) {
    float[] x = new float[Math.max(1, chars) * RATE * 60 / 1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE));
    }
    return x;
  }

  private static Reply failed(String exception) {
    return error(400, new JsonObject().put("message", "tts failed").put("Exception", exception));
  }

  private static JsonObject detail(String type, String msg) {
    return new JsonObject()
        .put(
            "detail",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("type", type)
                        .put("loc", new JsonArray().add("body"))
                        .put("msg", msg)));
  }

  private static Reply error(int status, JsonObject body) {
    return new Reply(status, "application/json", body.toBuffer());
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    error(status, body).send(req);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
