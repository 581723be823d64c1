package org.voxproof.synth.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.voxproof.synth.models.ModelRejectedException;

/**
 * A Piper voice's {@code model.onnx.json}, read as Piper does ({@code PiperConfig.from_dict}):
 * {@code audio.sample_rate}, {@code espeak.voice}, {@code inference.noise_scale / length_scale /
 * noise_w} (defaults 0.667 / 1.0 / 0.8), {@code phoneme_id_map} (one code point → ids), {@code
 * num_speakers}, {@code phoneme_type} ({@code espeak} only). Unknown keys are ignored (real configs
 * carry training metadata); the values we use are checked and bounded.
 */
public final class PiperConfig {
  /** Padding, beginning and end of sentence, as in piper-phonemize. */
  public static final int PAD = '_';

  public static final int BOS = '^';
  public static final int EOS = '$';

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(32)
                          .maxStringLength(1 << 20)
                          .maxNumberLength(40)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final int sampleRate;
  private final String espeakVoice;
  private final float noiseScale;
  private final float lengthScale;
  private final float noiseW;
  private final int numSpeakers;
  private final Map<Integer, long[]> idMap;

  private PiperConfig(
      int sampleRate,
      String espeakVoice,
      float[] scales,
      int numSpeakers,
      Map<Integer, long[]> idMap) {
    this.sampleRate = sampleRate;
    this.espeakVoice = espeakVoice;
    this.noiseScale = scales[0];
    this.lengthScale = scales[1];
    this.noiseW = scales[2];
    this.numSpeakers = numSpeakers;
    this.idMap = Map.copyOf(idMap);
  }

  /** Parses a config; {@code model_config_invalid} names the bad field. */
  public static PiperConfig parse(String json) throws ModelRejectedException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("not a JSON object");
    }
    String type = root.path("phoneme_type").asText("espeak");
    if (!"espeak".equals(type)) {
      throw invalid("phoneme_type '" + type + "' is not supported (espeak only)");
    }
    int rate =
        (int) integer(root.path("audio").path("sample_rate"), "audio.sample_rate", 8000, 96000);
    String voice = root.path("espeak").path("voice").asText("");
    if (!EspeakEngine.VOICE_NAME.matcher(voice).matches()) {
      throw invalid("espeak.voice is missing or not a voice name");
    }
    JsonNode inf = root.path("inference");
    float[] scales = {
      scale(inf, "noise_scale", 0.667f, true),
      scale(inf, "length_scale", 1.0f, false),
      scale(inf, "noise_w", 0.8f, true)
    };
    JsonNode spk = root.path("num_speakers");
    int speakers = spk.isMissingNode() ? 1 : (int) integer(spk, "num_speakers", 1, 100_000);
    return new PiperConfig(rate, voice, scales, speakers, idMap(root.path("phoneme_id_map")));
  }

  private static Map<Integer, long[]> idMap(JsonNode m) throws ModelRejectedException {
    if (!m.isObject() || m.isEmpty()) {
      throw invalid("phoneme_id_map is missing or empty");
    }
    Map<Integer, long[]> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.codePointCount(0, k.length()) != 1) {
        throw invalid("phoneme_id_map key '" + k + "' is not one code point");
      }
      JsonNode ids = e.getValue();
      if (!ids.isArray() || ids.isEmpty() || ids.size() > 16) {
        throw invalid("phoneme_id_map['" + k + "'] must be 1..16 ids");
      }
      long[] v = new long[ids.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = integer(ids.get(i), "phoneme id", 0, 1_000_000);
      }
      out.put(k.codePointAt(0), v);
    }
    for (int required : new int[] {PAD, BOS, EOS}) {
      if (!out.containsKey(required)) {
        throw invalid("phoneme_id_map lacks '" + Character.toString(required) + "'");
      }
    }
    return out;
  }

  private static float scale(JsonNode inf, String key, float dflt, boolean zeroOk)
      throws ModelRejectedException {
    JsonNode n = inf.path(key);
    if (n.isMissingNode()) {
      return dflt;
    }
    double v = n.doubleValue();
    if (!n.isNumber() || !(zeroOk ? v >= 0 : v > 0) || !(v <= 10)) {
      throw invalid(
          "inference." + key + " must be a number in " + (zeroOk ? "[0" : "(0") + ", 10]");
    }
    return (float) n.doubleValue();
  }

  private static long integer(JsonNode n, String what, long min, long max)
      throws ModelRejectedException {
    if (!n.isIntegralNumber()
        || !n.canConvertToLong()
        || n.longValue() < min
        || n.longValue() > max) {
      throw invalid(what + " must be an integer in " + min + ".." + max);
    }
    return n.longValue();
  }

  private static ModelRejectedException invalid(String message) {
    return new ModelRejectedException("model_config_invalid", "Piper config: " + message);
  }

  public int sampleRate() {
    return sampleRate;
  }

  public String espeakVoice() {
    return espeakVoice;
  }

  public float noiseScale() {
    return noiseScale;
  }

  public float lengthScale() {
    return lengthScale;
  }

  public float noiseW() {
    return noiseW;
  }

  public int numSpeakers() {
    return numSpeakers;
  }

  /** The ids of phoneme {@code codePoint}, or null when the map lacks it. */
  public long[] ids(int codePoint) {
    long[] v = idMap.get(codePoint);
    return v == null ? null : v.clone();
  }

  @Override
  public String toString() {
    return "PiperConfig[" + espeakVoice + ", " + sampleRate + " Hz, " + idMap.size() + " phonemes]";
  }
}
