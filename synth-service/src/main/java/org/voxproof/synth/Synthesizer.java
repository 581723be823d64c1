package org.voxproof.synth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.dsp.Resampler;
import org.voxproof.policy.Decision;
import org.voxproof.policy.Obligations;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.RateResult;
import org.voxproof.policy.SynthesisFacts;
import org.voxproof.policy.TokenBucket;
import org.voxproof.synth.engine.EngineAudio;
import org.voxproof.synth.engine.EngineException;
import org.voxproof.synth.engine.EngineRequest;
import org.voxproof.synth.engine.Pcm;
import org.voxproof.synth.engine.SynthesisEngine;
import org.voxproof.synth.engine.VoiceModel;
import org.voxproof.synth.loudness.Loudness;
import org.voxproof.synth.loudness.LoudnessNormalizer;
import org.voxproof.watermark.Watermarker;

/**
 * synth-service's facade: consent-gated synthesis. For an already-verified consent and one request
 * it runs, in order: request checks (400), consent expiry, the client's rate limit (429), policy
 * (403/429: scope, Cedar, assurance, content, quota, jurisdiction), voice and engine choice, the
 * engine (503 on failure), output checks, loudness normalisation (BS.1770-4), then {@link Release}:
 * watermark, encode, sign and embed the manifest, durable ledger append (503 on failure). Audio is
 * returned only when every step succeeded; a failure before the append leaves no ledger record.
 * Calls block (engines, disk, ledger): run them on a worker pool. Thread-safe. Build with {@link
 * SynthesizerBuilder}.
 */
public final class Synthesizer {
  private final PolicyEngine policy;
  private final VoiceCatalog voices;
  private final List<SynthesisEngine> engines;
  private final LoudnessNormalizer loudness;
  private final Release release;
  private final LicenseePseudonyms pseudonyms;
  private final UsageCounters usage;
  private final Clock clock;
  private final Duration engineTimeout;
  private final int maxTextChars;
  private final double maxSeconds;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  Synthesizer(SynthesizerBuilder b, Release release) {
    this.policy = b.policy;
    this.voices = b.voices;
    this.engines = List.copyOf(b.engines);
    this.loudness = b.loudness;
    this.release = release;
    this.pseudonyms = b.pseudonyms;
    this.usage = b.usage;
    this.clock = b.clock;
    this.engineTimeout = b.engineTimeout;
    this.maxTextChars = b.maxTextChars;
    this.maxSeconds = b.maxSeconds;
  }

  public static SynthesizerBuilder builder() {
    return new SynthesizerBuilder();
  }

  /**
   * Synthesizes {@code request} under {@code consent}.
   *
   * @param consent a token that consent-service's {@code ConsentVerifier} verified (only it makes
   *     one)
   * @throws InvalidSynthesisRequestException 400 (text longer than the service's or the consent's
   *     limit is {@code text_too_long})
   * @throws SynthesisRefusedException 403 / 429
   * @throws EngineException 503: the engine failed; nothing recorded
   * @throws ProvenanceStepException 503: watermark, encoding, signing or ledger failed; nothing
   *     released
   */
  public SynthesisResult synthesize(VerifiedConsent consent, SynthesisRequest request)
      throws SynthException {
    long t0 = System.nanoTime();
    RequestChecks.check(request, Math.min(maxTextChars, consent.maxCharacters()));
    Instant now = clock.instant();
    if (!consent.expiresAt().isAfter(now)) {
      throw new SynthesisRefusedException("consent_expired", "the consent has expired");
    }
    rateLimit(request.client().id(), now);
    Obligations obligations = decide(consent, request, now);
    VoiceModel voice = voices.resolve(consent.voiceId(), request.language());
    SynthesisEngine engine = engineFor(voice);
    String speak =
        obligations.audibleDisclosure().map(d -> d + " " + request.text()).orElse(request.text());
    long e0 = System.nanoTime();
    EngineAudio audio =
        engine.synthesize(new EngineRequest(speak, request.language(), voice, engineTimeout));
    long e1 = System.nanoTime();
    Pcm pcm = prepare(audio);
    long e2 = System.nanoTime();
    Release.Released r = release.release(pcm, request.format(), facts(consent, request, audio));
    usage.add(consent.consentId(), day(now), characters(request.text()));
    return new SynthesisResult(
        r.audio(),
        request.format(),
        r.manifestId(),
        r.ledgerIndex(),
        r.payload().hex(),
        audio.engine(),
        audio.modelId(),
        pcm.seconds(),
        obligations,
        new SynthesisResult.Timing(
            e0 - t0,
            e1 - e0,
            e2 - e1,
            r.markNanos(),
            r.encodeNanos(),
            r.signNanos(),
            r.ledgerNanos(),
            System.nanoTime() - t0));
  }

  private void rateLimit(String clientId, Instant now) throws SynthesisRefusedException {
    RateResult[] out = new RateResult[1];
    buckets.compute(
        clientId,
        (id, prev) -> {
          out[0] = policy.rateLimiter().acquire(id, Optional.ofNullable(prev), now);
          return out[0].next();
        });
    if (buckets.size() > 100_000) {
      buckets.values().removeIf(b -> b.updated().isBefore(now.minus(Duration.ofHours(1))));
    }
    if (!out[0].allowed()) {
      throw new SynthesisRefusedException(out[0].decision());
    }
  }

  private Obligations decide(VerifiedConsent c, SynthesisRequest r, Instant now)
      throws SynthesisRefusedException {
    SynthesisFacts facts =
        new SynthesisFacts(
            r.client(),
            c.asPolicyResource(),
            r.purpose(),
            r.language(),
            r.text(),
            r.jurisdiction(),
            usage.used(c.consentId(), day(now)),
            now);
    Decision d = policy.decideSynthesis(facts);
    if (!d.allowed()) {
      throw new SynthesisRefusedException(d);
    }
    return d.obligations().orElseThrow();
  }

  private SynthesisEngine engineFor(VoiceModel voice) throws EngineException {
    for (SynthesisEngine e : engines) {
      if (e.supports(voice)) {
        return e;
      }
    }
    throw new EngineException(
        "engine_unavailable", "no engine configured for " + voice.getClass().getSimpleName());
  }

  /** Engine output checks, then resampling into the watermark's range and loudness. */
  private Pcm prepare(EngineAudio a) throws EngineException {
    if (a.seconds() > maxSeconds) {
      throw new EngineException(
          "engine_output_invalid", "engine output longer than " + maxSeconds + " s");
    }
    float[] x = a.pcm();
    int rate = a.sampleRate();
    if (rate > Watermarker.MAX_RATE) {
      x = Resampler.resample(x, rate, Watermarker.MAX_RATE);
      rate = Watermarker.MAX_RATE;
    }
    LoudnessNormalizer.Result n = loudness.normalize(x, rate);
    if (n.inputLufs() == Loudness.SILENCE) {
      throw new EngineException("engine_output_invalid", "engine produced silence");
    }
    return new Pcm(n.pcm(), rate);
  }

  private Release.Facts facts(VerifiedConsent c, SynthesisRequest r, EngineAudio a) {
    return new Release.Facts(
        a.engine(),
        a.modelId(),
        c.commitment(),
        pseudonyms.of(c.licensee()),
        r.purpose(),
        c.assurance().code());
  }

  private static LocalDate day(Instant now) {
    return now.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static long characters(String text) {
    return text.codePointCount(0, text.length());
  }
}
