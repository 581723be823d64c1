package org.voxproof.synth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.synth.models.PrivateFiles;

/**
 * GPT-SoVITS over its {@code api_v2} HTTP API. // SPEC: RVC-Boss/GPT-SoVITS api_v2.py — {@code POST
 * /tts} with JSON {@code text, text_lang, ref_audio_path, prompt_text, prompt_lang, media_type};
 * 200 = the WAV bytes, 400 = JSON {@code {"message", "Exception"}}.
 *
 * <p>The owner's reference sample (trimmed to GPT-SoVITS's 3–10 s window) is written as a WAV into
 * a fresh owner-only directory (0700, file 0600) under the exchange directory, its absolute path
 * goes in {@code ref_audio_path}, and the directory is deleted when the call ends, whatever
 * happened. The server must therefore run on this host as the same user (or see the exchange
 * directory through a private mount).
 */
public final class GptSovitsEngine implements SynthesisEngine {
  /** GPT-SoVITS v2 {@code text_lang} values for BCP 47 primary subtags. */
  public static final Map<String, String> LANGUAGES =
      Map.of("en", "en", "zh", "zh", "ja", "ja", "ko", "ko", "yue", "yue");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double MIN_REFERENCE_S = 3.0;
  private static final double MAX_REFERENCE_S = 9.5;

  private final URI tts;
  private final Path exchangeDir;
  private final int maxResponseBytes;
  private final HttpClient http;
  private final AudioDecoder decoder;

  private GptSovitsEngine(Builder b) {
    this.tts = b.baseUri.resolve("/tts");
    this.exchangeDir = b.exchangeDir;
    this.maxResponseBytes = b.maxResponseBytes;
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
    this.decoder = AudioDecoder.builder().maxBytes(b.maxResponseBytes).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "gpt-sovits";
  }

  @Override
  public boolean supports(VoiceModel voice) {
    return voice instanceof GptSovitsVoice;
  }

  /** The GPT-SoVITS language for a BCP 47 tag, if it has one. */
  public static Optional<String> language(String bcp47) {
    String l = bcp47.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(LANGUAGES.get(l.contains("-") ? l.substring(0, l.indexOf('-')) : l));
  }

  @Override
  public EngineAudio synthesize(EngineRequest request) throws EngineException {
    if (!(request.voice() instanceof GptSovitsVoice v)) {
      throw new IllegalArgumentException("not a GPT-SoVITS voice: " + request.voice().modelId());
    }
    String textLang =
        language(request.language())
            .orElseThrow(
                () ->
                    EngineException.failed("GPT-SoVITS has no language for " + request.language()));
    String promptLang = language(v.reference().language()).orElse(textLang);
    byte[] wav = referenceWav(v.reference());
    Path dir;
    try {
      dir = PrivateFiles.createPrivateTempDirectory(exchangeDir, "ref-");
    } catch (IOException e) {
      throw EngineException.unavailable("cannot create the hand-over directory", e);
    }
    EngineAudio out;
    try {
      out = handOver(request, v, textLang, promptLang, dir, wav);
    } catch (EngineException | RuntimeException e) {
      deleteAfterFailure(dir, e);
      throw e;
    }
    try {
      PrivateFiles.deleteTree(dir);
    } catch (IOException e) {
      throw EngineException.failed("the reference sample could not be deleted after the call");
    }
    return out;
  }

  private EngineAudio handOver(
      EngineRequest request,
      GptSovitsVoice v,
      String textLang,
      String promptLang,
      Path dir,
      byte[] wav)
      throws EngineException {
    try {
      Path ref = dir.resolve("reference.wav");
      PrivateFiles.writePrivate(ref, wav);
      String json = body(request.text(), textLang, ref, v.reference().transcript(), promptLang);
      DecodedAudio a = decoder.decode(call(json, request.timeout()));
      if (a.frames() == 0) {
        throw EngineException.invalidOutput("GPT-SoVITS returned no samples", null);
      }
      return new EngineAudio(a.mono(), a.sampleRate(), name(), v.modelId());
    } catch (AudioFormatException e) {
      throw EngineException.invalidOutput(
          "GPT-SoVITS returned no usable WAV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw EngineException.unavailable("cannot hand the reference sample over", e);
    }
  }

  private static void deleteAfterFailure(Path dir, Exception failure) {
    try {
      PrivateFiles.deleteTree(dir);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static byte[] referenceWav(ReferenceSample s) throws EngineException {
    Pcm a = s.audio();
    if (a.seconds() < MIN_REFERENCE_S) {
      throw EngineException.failed("reference sample shorter than 3 s");
    }
    float[] pcm = a.samples();
    int max = (int) (MAX_REFERENCE_S * a.sampleRate());
    if (pcm.length > max) {
      pcm = java.util.Arrays.copyOf(pcm, max);
    }
    return WavWriter.pcm16().toBytes(new float[][] {pcm}, a.sampleRate());
  }

  private static String body(String text, String lang, Path ref, String prompt, String promptLang) {
    ObjectNode n = JSON.createObjectNode();
    n.put("text", text);
    n.put("text_lang", lang);
    n.put("ref_audio_path", ref.toAbsolutePath().toString());
    n.put("prompt_text", prompt);
    n.put("prompt_lang", promptLang);
    n.put("media_type", "wav");
    n.put("streaming_mode", false);
    n.put("text_split_method", "cut5");
    n.put("batch_size", 1);
    return n.toString();
  }

  private byte[] call(String json, Duration timeout) throws EngineException {
    HttpRequest req =
        HttpRequest.newBuilder(tts)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<InputStream> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new EngineTimeoutException(name(), timeout);
    } catch (ConnectException e) {
      throw EngineException.unavailable("GPT-SoVITS is not reachable at " + tts, e);
    } catch (IOException e) {
      throw EngineException.unavailable("GPT-SoVITS request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EngineException.unavailable("interrupted", e);
    }
    byte[] body = read(resp.body(), timeout);
    if (resp.statusCode() == 200) {
      return body;
    }
    throw EngineException.failed("GPT-SoVITS answered " + resp.statusCode() + ": " + message(body));
  }

  private byte[] read(InputStream in, Duration timeout) throws EngineException {
    try (in) {
      byte[] b = in.readNBytes(maxResponseBytes + 1);
      if (b.length > maxResponseBytes) {
        throw EngineException.invalidOutput("GPT-SoVITS response larger than the limit", null);
      }
      return b;
    } catch (HttpTimeoutException e) {
      throw new EngineTimeoutException(name(), timeout);
    } catch (IOException e) {
      throw EngineException.unavailable("GPT-SoVITS response broke off: " + e.getMessage(), e);
    }
  }

  /** The {@code message} of api_v2's JSON error, bounded; never the request text. */
  private static String message(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      String m = n == null ? "" : n.path("message").asText("");
      return m.isEmpty() ? "(no message)" : m.substring(0, Math.min(200, m.length()));
    } catch (IOException e) {
      return "(not JSON)";
    }
  }

  /** Options: where the server is, where reference samples are handed over, limits. */
  public static final class Builder {
    private URI baseUri = URI.create("http://127.0.0.1:9880");
    private Path exchangeDir;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private int maxResponseBytes = 64 << 20;

    private Builder() {}

    /** The api_v2 server (default {@code http://127.0.0.1:9880}, api_v2's default). */
    public Builder baseUri(URI u) {
      this.baseUri = u;
      return this;
    }

    /** The directory under which per-call private folders are made (must exist). */
    public Builder exchangeDir(Path d) {
      this.exchangeDir = d;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** Largest WAV accepted (default 64 MiB). */
    public Builder maxResponseBytes(int n) {
      this.maxResponseBytes = n;
      return this;
    }

    public GptSovitsEngine build() {
      if (exchangeDir == null) {
        exchangeDir = Path.of(System.getProperty("java.io.tmpdir"));
      }
      return new GptSovitsEngine(this);
    }
  }
}
