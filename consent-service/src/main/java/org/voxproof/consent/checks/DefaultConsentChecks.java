package org.voxproof.consent.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.consent.checks.internal.Challenges;
import org.voxproof.consent.checks.internal.Landmarks;
import org.voxproof.consent.checks.internal.OnnxAntiSpoof;
import org.voxproof.consent.checks.internal.OnnxCtcRecognizer;
import org.voxproof.consent.checks.internal.OnnxSpeakerEncoder;
import org.voxproof.consent.checks.internal.Pcm;
import org.voxproof.consent.checks.internal.PhraseCheck;
import org.voxproof.consent.checks.internal.Quality;
import org.voxproof.consent.checks.internal.Speakers;
import org.voxproof.policy.Assurance;
import org.voxproof.provenance.WatermarkKeys;
import org.voxproof.watermark.WatermarkException;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * The real {@link ConsentChecks}: decoding through the audio module, quality bounds, a keyed
 * landmark fingerprint against replays, the VoxProof watermark (every current and retired key) and
 * an optional ONNX anti-spoofing model, a speaker match (built-in baseline or an ONNX encoder), and
 * the phrase (Sphinx4 grammar for English, an ONNX recognizer per other language). Details and
 * measured error rates: docs/consent.md. Thread-safe; every method blocks (call on a worker).
 *
 * <pre>{@code
 * ConsentChecks checks = DefaultConsentChecks.builder()
 *     .fingerprintKey(secret32)                // keyed landmark hashes
 *     .watermarkKeys(ring.watermarkKeys())     // a voice we synthesized cannot consent
 *     .speakerModel(Path.of("wespeaker.onnx"), 0.5)         // optional: assurance high needs it
 *     .antiSpoofModel(Path.of("aasist.onnx"), 0.5)          // and this
 *     .build();
 * }</pre>
 */
public final class DefaultConsentChecks implements ConsentChecks {
  /** Reason strings, as in DESIGN.md. */
  public static final String QUALITY = "quality";

  public static final String PHRASE_MISMATCH = "phrase_mismatch";
  public static final String REPLAY = "replay";
  public static final String SYNTHETIC = "synthetic";
  public static final String SPEAKER_MISMATCH = "speaker_mismatch";

  private final AudioDecoder decoder;
  private final Landmarks landmarks;
  private final List<WatermarkKey> watermarkKeys;
  private final Watermarker watermarker;
  private final OnnxAntiSpoof antiSpoof;
  private final double antiSpoofThreshold;
  private final Speakers speakers;
  private final boolean speakerModel;
  private final PhraseCheck phrases;
  private final Challenges challenges;
  private final QualityLimits recordingLimits;
  private final QualityLimits sampleLimits;

  private DefaultConsentChecks(Builder b) {
    this.decoder = AudioDecoder.builder().maxDuration(b.maxDecode).build();
    this.landmarks = new Landmarks(b.fingerprintKey);
    this.watermarkKeys = List.copyOf(b.watermarkKeys);
    this.watermarker = b.watermarker;
    this.antiSpoof = b.antiSpoof;
    this.antiSpoofThreshold = b.antiSpoofThreshold;
    this.speakers = new Speakers(b.speakerEncoder, b.speakerModelThreshold, b.baselineThreshold);
    this.speakerModel = b.speakerEncoder != null;
    this.phrases = new PhraseCheck(b.recognizers, b.maxCer);
    this.challenges = new Challenges(b.random);
    this.recordingLimits = b.recordingLimits;
    this.sampleLimits = b.sampleLimits;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Set<String> languages() {
    return phrases.languages();
  }

  @Override
  public Challenge challenge(
      String language, String ownerName, String licenseeName, List<String> purposes) {
    String lang = Challenges.normalize(language);
    if (!languages().contains(lang)) {
      throw new IllegalArgumentException("no speech recognizer configured for " + language);
    }
    return challenges.make(lang, ownerName, licenseeName, purposes);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Audio that does not decode fails {@code quality} with a null print and fingerprint.
   */
  @Override
  public SampleCheck checkSample(byte[] audio, ReplayIndex replays) {
    Pcm pcm = decode(audio);
    if (pcm == null) {
      return new SampleCheck(List.of(QUALITY), 0, null, null);
    }
    List<String> reasons = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    quality(pcm, sampleLimits, reasons, scores);
    synthetic(pcm, reasons, scores);
    Fingerprint fp = new Fingerprint(landmarks.fingerprint(pcm.mono16k()));
    if (replays.matches(fp)) {
      reasons.add(REPLAY);
    }
    VoicePrint print = printOrNull(pcm, reasons);
    return new SampleCheck(reasons, pcm.durationSeconds(), print, fp);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Audio that does not decode fails {@code quality} (and nothing else is known) with a null
   * print and fingerprint.
   */
  @Override
  public RecordingCheck checkRecording(
      byte[] audio, Challenge challenge, List<VoicePrint> references, ReplayIndex replays) {
    Objects.requireNonNull(challenge, "challenge");
    Pcm pcm = decode(audio);
    if (pcm == null) {
      return new RecordingCheck(List.of(QUALITY), Assurance.BASIC, null, null, Map.of());
    }
    List<String> reasons = new ArrayList<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    quality(pcm, recordingLimits, reasons, scores);
    phrase(pcm, challenge, reasons, scores);
    Fingerprint fp = new Fingerprint(landmarks.fingerprint(pcm.mono16k()));
    if (replays.matches(fp)) {
      reasons.add(REPLAY);
    }
    boolean spoofModelRan = synthetic(pcm, reasons, scores);
    VoicePrint print = printOrNull(pcm, reasons);
    boolean speakerModelRan = false;
    if (print != null) {
      Speakers.Decision d = speakers.compare(pcm.mono16k(), print, references);
      scores.put("speaker_similarity", d.similarity());
      scores.put("speaker_threshold", d.threshold());
      speakerModelRan = d.onModel();
      if (!d.same()) {
        reasons.add(SPEAKER_MISMATCH);
      }
    }
    Assurance a = spoofModelRan && speakerModelRan ? Assurance.HIGH : Assurance.BASIC;
    return new RecordingCheck(reasons, a, print, fp, scores);
  }

  private Pcm decode(byte[] audio) {
    try {
      return Pcm.of(decoder.decode(audio));
    } catch (AudioFormatException e) {
      return null;
    }
  }

  private static void quality(
      Pcm pcm, QualityLimits l, List<String> reasons, Map<String, Double> scores) {
    Quality.Measures m = Quality.measure(pcm);
    scores.putAll(m.asScores());
    if (!l.accepts(m.durationSeconds(), m.levelDbfs(), m.clippedRatio(), m.snrDb())) {
      reasons.add(QUALITY);
    }
  }

  private void phrase(Pcm pcm, Challenge c, List<String> reasons, Map<String, Double> scores) {
    boolean ok;
    try {
      ok = phrases.says(pcm.mono16k(), c);
    } catch (IOException | RuntimeException e) {
      ok = false;
      scores.put("phrase_error", 1.0);
    }
    scores.put("phrase_match", ok ? 1.0 : 0.0);
    if (!ok) {
      reasons.add(PHRASE_MISMATCH);
    }
  }

  /** Adds {@code synthetic} when marked or spoofed; true when the anti-spoofing model ran. */
  private boolean synthetic(Pcm pcm, List<String> reasons, Map<String, Double> scores) {
    boolean synthetic = false;
    try {
      boolean marked = watermarker.detect(pcm.mono16k(), Pcm.RATE, watermarkKeys).found();
      scores.put("watermark_found", marked ? 1.0 : 0.0);
      synthetic = marked;
    } catch (WatermarkException | RuntimeException e) {
      scores.put("watermark_error", 1.0);
      synthetic = true;
    }
    boolean ran = false;
    if (antiSpoof != null) {
      try {
        double p = antiSpoof.spoofProbability(pcm.mono16k());
        scores.put("spoof_probability", p);
        synthetic |= p > antiSpoofThreshold;
        ran = true;
      } catch (IOException | RuntimeException e) {
        scores.put("spoof_error", 1.0);
        synthetic = true;
      }
    }
    if (synthetic) {
      reasons.add(SYNTHETIC);
    }
    return ran;
  }

  private VoicePrint printOrNull(Pcm pcm, List<String> reasons) {
    try {
      return speakers.print(pcm.mono16k());
    } catch (IOException | RuntimeException e) {
      if (!reasons.contains(SPEAKER_MISMATCH)) {
        reasons.add(SPEAKER_MISMATCH);
      }
      return null;
    }
  }

  /** Builder: a fingerprint key and the watermark keys are required; everything else defaults. */
  public static final class Builder {
    private byte[] fingerprintKey;
    private List<WatermarkKey> watermarkKeys;
    private Watermarker watermarker = Watermarker.builder().build();
    private OnnxAntiSpoof antiSpoof;
    private double antiSpoofThreshold = 0.5;
    private OnnxSpeakerEncoder speakerEncoder;
    private double speakerModelThreshold = 0.5;
    private double baselineThreshold = DEFAULT_BASELINE_THRESHOLD;
    private final Map<String, OnnxCtcRecognizer> recognizers = new LinkedHashMap<>();
    private double maxCer = 0.15;
    private SecureRandom random = new SecureRandom();
    private QualityLimits recordingLimits = QualityLimits.RECORDING;
    private QualityLimits sampleLimits = QualityLimits.SAMPLE;
    private Duration maxDecode = Duration.ofSeconds(120);

    private Builder() {}

    /** The secret (≥ 32 bytes) the landmark hashes are keyed with; keep it stable. */
    public Builder fingerprintKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException("fingerprint key must have at least 32 bytes");
      }
      this.fingerprintKey = key.clone();
      return this;
    }

    /** Every current and retired watermark key: a mark under any of them is {@code synthetic}. */
    public Builder watermarkKeys(List<WatermarkKey> keys) {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("at least one watermark key");
      }
      this.watermarkKeys = List.copyOf(keys);
      return this;
    }

    /** The key ring's watermark keys (current and retired). */
    public Builder watermarkKeys(WatermarkKeys keys) {
      return watermarkKeys(keys.all());
    }

    public Builder watermarker(Watermarker w) {
      this.watermarker = Objects.requireNonNull(w);
      return this;
    }

    /**
     * An AASIST-style raw-waveform anti-spoofing model (input [1, 64600], two logits, the spoof
     * class first); a spoof probability above {@code threshold} is {@code synthetic}.
     */
    public Builder antiSpoofModel(Path onnx, double threshold) throws IOException {
      return antiSpoofModel(onnx, threshold, 64_600, 0);
    }

    /** As above with the model's input length and which logit is the spoof class. */
    public Builder antiSpoofModel(Path onnx, double threshold, int inputSamples, int spoofIndex)
        throws IOException {
      this.antiSpoof = OnnxAntiSpoof.load(onnx, inputSamples, spoofIndex);
      this.antiSpoofThreshold = threshold;
      return this;
    }

    /** A WeSpeaker/3D-Speaker style ONNX encoder; cosine ≥ {@code threshold} is the same voice. */
    public Builder speakerModel(Path onnx, double threshold) throws IOException {
      this.speakerEncoder = OnnxSpeakerEncoder.load(onnx);
      this.speakerModelThreshold = threshold;
      return this;
    }

    /** Threshold of the built-in baseline (default {@value #DEFAULT_BASELINE_THRESHOLD}). */
    public Builder baselineThreshold(double t) {
      this.baselineThreshold = t;
      return this;
    }

    /** An ONNX CTC recognizer (with its token table) for {@code language}, e.g. {@code zh}. */
    public Builder recognizer(String language, Path onnx, Path tokens) throws IOException {
      String lang = Challenges.normalize(language);
      if (lang.equals("en")) {
        throw new IllegalArgumentException("English is recognized by Sphinx4");
      }
      Challenges.words(lang);
      recognizers.put(lang, OnnxCtcRecognizer.load(onnx, tokens));
      return this;
    }

    /** Largest character error rate an ONNX recognizer's text may have (default 0.15). */
    public Builder maxCharacterErrorRate(double cer) {
      this.maxCer = cer;
      return this;
    }

    public Builder random(SecureRandom r) {
      this.random = Objects.requireNonNull(r);
      return this;
    }

    public Builder recordingQuality(QualityLimits l) {
      this.recordingLimits = Objects.requireNonNull(l);
      return this;
    }

    public Builder sampleQuality(QualityLimits l) {
      this.sampleLimits = Objects.requireNonNull(l);
      return this;
    }

    public DefaultConsentChecks build() {
      if (fingerprintKey == null) {
        throw new IllegalStateException("fingerprintKey is required");
      }
      if (watermarkKeys == null) {
        throw new IllegalStateException("watermarkKeys are required");
      }
      return new DefaultConsentChecks(this);
    }
  }

  /** The built-in baseline's default threshold (its equal-error point on our voices). */
  public static final double DEFAULT_BASELINE_THRESHOLD = 0.74;
}
