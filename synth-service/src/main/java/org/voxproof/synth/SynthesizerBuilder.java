package org.voxproof.synth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.WatermarkKeys;
import org.voxproof.synth.engine.SynthesisEngine;
import org.voxproof.synth.loudness.LoudnessNormalizer;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * Builds a {@link Synthesizer}. Required: the policy engine, at least one engine, the watermark
 * key, the manifest signer, the ledger and the licensee pseudonym key. Defaults: built-in voices
 * only, -23 LUFS / -1 dBTP, 2,000 characters, 60 s engine timeout, 600 s of audio, the calibrated
 * watermarker, lame/flac encoders, in-memory usage counters, the system clock.
 */
public final class SynthesizerBuilder {
  PolicyEngine policy;
  VoiceCatalog voices = VoiceCatalog.builtInOnly();
  final List<SynthesisEngine> engines = new ArrayList<>();
  LoudnessNormalizer loudness = LoudnessNormalizer.builder().build();
  Watermarker watermarker = Watermarker.builder().build();
  WatermarkKey watermarkKey;
  ManifestSigner signer;
  ProvenanceLedger ledger;
  LicenseePseudonyms pseudonyms;
  final Map<OutputFormat, AudioEncoder> encoders = new EnumMap<>(OutputFormat.class);
  UsageCounters usage = UsageCounters.inMemory();
  Clock clock = Clock.systemUTC();
  SecureRandom random = new SecureRandom();
  Duration engineTimeout = Duration.ofSeconds(60);
  int maxTextChars = 2_000;
  double maxSeconds = 600;

  SynthesizerBuilder() {
    encoders.put(OutputFormat.MP3, AudioEncoder.of(AudioEncoder.Format.MP3));
    encoders.put(OutputFormat.FLAC, AudioEncoder.of(AudioEncoder.Format.FLAC));
  }

  public SynthesizerBuilder policy(PolicyEngine p) {
    this.policy = Objects.requireNonNull(p);
    return this;
  }

  public SynthesizerBuilder voices(VoiceCatalog v) {
    this.voices = Objects.requireNonNull(v);
    return this;
  }

  /** Adds an engine; the first that supports a voice speaks it. */
  public SynthesizerBuilder engine(SynthesisEngine e) {
    engines.add(Objects.requireNonNull(e));
    return this;
  }

  public SynthesizerBuilder loudness(LoudnessNormalizer n) {
    this.loudness = Objects.requireNonNull(n);
    return this;
  }

  public SynthesizerBuilder watermarker(Watermarker w) {
    this.watermarker = Objects.requireNonNull(w);
    return this;
  }

  /** Embeds with the key ring's current watermark key. */
  public SynthesizerBuilder watermarkKeys(WatermarkKeys keys) {
    return watermarkKey(keys.current());
  }

  /** The watermark key new marks are embedded with. */
  public SynthesizerBuilder watermarkKey(WatermarkKey k) {
    this.watermarkKey = Objects.requireNonNull(k);
    return this;
  }

  public SynthesizerBuilder signer(ManifestSigner s) {
    this.signer = Objects.requireNonNull(s);
    return this;
  }

  public SynthesizerBuilder ledger(ProvenanceLedger l) {
    this.ledger = Objects.requireNonNull(l);
    return this;
  }

  public SynthesizerBuilder pseudonyms(LicenseePseudonyms p) {
    this.pseudonyms = Objects.requireNonNull(p);
    return this;
  }

  /** Replaces the encoder of MP3 or FLAC. */
  public SynthesizerBuilder encoder(OutputFormat f, AudioEncoder e) {
    if (f == OutputFormat.WAV) {
      throw new IllegalArgumentException("WAV is written in-process");
    }
    encoders.put(f, Objects.requireNonNull(e));
    return this;
  }

  public SynthesizerBuilder usageCounters(UsageCounters u) {
    this.usage = Objects.requireNonNull(u);
    return this;
  }

  public SynthesizerBuilder clock(Clock c) {
    this.clock = Objects.requireNonNull(c);
    return this;
  }

  public SynthesizerBuilder random(SecureRandom r) {
    this.random = Objects.requireNonNull(r);
    return this;
  }

  public SynthesizerBuilder engineTimeout(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("engine timeout must be positive");
    }
    this.engineTimeout = d;
    return this;
  }

  /** Longest text accepted, in characters (code points); longer is 400 {@code text_too_long}. */
  public SynthesizerBuilder maxTextChars(int n) {
    if (n < 1 || n > 100_000) {
      throw new IllegalArgumentException("max text must be in 1..100000 characters");
    }
    this.maxTextChars = n;
    return this;
  }

  /** Longest audio accepted from an engine, in seconds. */
  public SynthesizerBuilder maxSeconds(double s) {
    if (!(s > 0 && s <= 3600)) {
      throw new IllegalArgumentException("max seconds must be in (0, 3600]");
    }
    this.maxSeconds = s;
    return this;
  }

  public Synthesizer build() {
    require(policy, "policy");
    require(watermarkKey, "watermarkKey");
    require(signer, "signer");
    require(ledger, "ledger");
    require(pseudonyms, "pseudonyms");
    if (engines.isEmpty()) {
      throw new IllegalStateException("Synthesizer needs at least one engine");
    }
    Release release =
        new Release(watermarker, watermarkKey, signer, ledger, encoders, random, clock);
    return new Synthesizer(this, release);
  }

  private static void require(Object o, String what) {
    if (o == null) {
      throw new IllegalStateException("Synthesizer needs " + what);
    }
  }
}
