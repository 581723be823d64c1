package org.voxproof.detector;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.dsp.Resampler;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.VoxProofAssertions;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.WatermarkException;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * The detection pipeline for one file: real type → decode → C2PA manifest read and validated →
 * watermark with every current and retired key → ledger record → consent status now → optional
 * anti-spoofing score → {@link VerdictRules}. Thread-safe; blocking (decode, models, ledger): call
 * it from a worker thread.
 *
 * <pre>{@code
 * ProvenanceDetector d = ProvenanceDetector.builder()
 *     .manifestVerifier(ManifestVerifier.builder().trustAnchor(root).build())
 *     .watermarkKeys(ring::watermarkKeys)
 *     .ledger(ledger)
 *     .consentStatus(commitment -> consents.status(commitment))
 *     .build();
 * Report r = d.examine(bytes);
 * }</pre>
 */
public final class ProvenanceDetector {
  private final AudioDecoder decoder;
  private final Watermarker watermarker;
  private final Supplier<List<WatermarkKey>> keys;
  private final ManifestVerifier manifests;
  private final ProvenanceLedger ledger;
  private final ConsentStatus.Source consent;
  private final SpoofScorer scorer;

  private ProvenanceDetector(Builder b) {
    this.decoder = b.decoder;
    this.watermarker = b.watermarker;
    this.keys = Objects.requireNonNull(b.keys, "watermarkKeys");
    this.manifests = Objects.requireNonNull(b.manifests, "manifestVerifier");
    this.ledger = Objects.requireNonNull(b.ledger, "ledger");
    this.consent = Objects.requireNonNull(b.consent, "consentStatus");
    this.scorer = b.scorer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Examines one file held in memory. */
  public Report examine(byte[] file) throws DetectorException {
    DecodedAudio audio = decode(file);
    ManifestReport manifest = manifests.read(file);
    Detection mark = mark(audio);
    try {
      Optional<LedgerEntry> byPayload =
          mark.payload().isPresent()
              ? ledger.findByWatermark(HexFormat.of().parseHex(mark.payload().get().hex()))
              : Optional.empty();
      Optional<String> manifestId = manifest.voxproof().flatMap(VoxProofAssertions::manifestId);
      Optional<LedgerEntry> byId =
          manifestId.isPresent() ? ledger.findById(manifestId.get()) : Optional.empty();
      OptionalDouble spoof = spoofScore(audio);
      Findings f =
          new Findings(
              manifest, mark, byPayload, byId, spoof, scorer == null ? 1 : scorer.threshold());
      Assessment a = VerdictRules.assess(f);
      Optional<LedgerEntry> record = resolved(a, byId, byPayload);
      ConsentStatus status = consentStatus(record);
      return new Report(
          a,
          mark,
          manifest,
          record,
          status,
          AudioDecoder.detectType(file),
          audio.frames() / (double) audio.sampleRate());
    } catch (LedgerException e) {
      throw new DetectorException("ledger_unavailable", "ledger unavailable", false, e);
    }
  }

  /** The record the verdict rests on: the manifest's when it is ours, else the mark's. */
  private static Optional<LedgerEntry> resolved(
      Assessment a, Optional<LedgerEntry> byId, Optional<LedgerEntry> byPayload) {
    return switch (a.verdict()) {
      case VERIFIED_SYNTHETIC -> byId;
      case SYNTHETIC_MANIFEST_STRIPPED -> byPayload;
      case TAMPERED -> byId.isPresent() ? byId : byPayload;
      default -> Optional.empty();
    };
  }

  private DecodedAudio decode(byte[] file) throws DetectorException {
    try {
      return decoder.decode(file);
    } catch (AudioFormatException e) {
      throw new DetectorException(e.reason().code(), e.getMessage(), true, e);
    }
  }

  private Detection mark(DecodedAudio audio) throws DetectorException {
    float[][] ch = audio.channels();
    int rate = audio.sampleRate();
    if (rate > Watermarker.MAX_RATE) {
      ch = new float[][] {Resampler.resample(audio.mono(), rate, Watermarker.MAX_RATE)};
      rate = Watermarker.MAX_RATE;
    }
    if (rate < Watermarker.MIN_RATE) {
      return none();
    }
    try {
      return watermarker.detect(ch, rate, keys.get());
    } catch (WatermarkException e) {
      throw new DetectorException("unavailable", "watermark keys unavailable", false, e);
    }
  }

  private OptionalDouble spoofScore(DecodedAudio audio) throws DetectorException {
    if (scorer == null) {
      return OptionalDouble.empty();
    }
    try {
      float[] x = Resampler.resample(audio.mono(), audio.sampleRate(), scorer.sampleRate());
      return OptionalDouble.of(scorer.score(x));
    } catch (Exception e) {
      throw new DetectorException("unavailable", "anti-spoofing model failed", false, e);
    }
  }

  private ConsentStatus consentStatus(Optional<LedgerEntry> record) throws DetectorException {
    if (record.isEmpty() || record.get().record().consentCommitment().length == 0) {
      return ConsentStatus.UNKNOWN;
    }
    try {
      return consent.status(record.get().record().consentCommitment());
    } catch (Exception e) {
      throw new DetectorException("consent_unavailable", "consent status unavailable", false, e);
    }
  }

  private static Detection none() {
    return new Detection(
        false, Optional.empty(), Optional.empty(), 1.0, 0, List.of(), List.of(), 1.0);
  }

  /** Builder; the manifest verifier, watermark keys, ledger and consent source are required. */
  public static final class Builder {
    private AudioDecoder decoder = AudioDecoder.create();
    private Watermarker watermarker = Watermarker.builder().build();
    private Supplier<List<WatermarkKey>> keys;
    private ManifestVerifier manifests;
    private ProvenanceLedger ledger;
    private ConsentStatus.Source consent;
    private SpoofScorer scorer;

    private Builder() {}

    public Builder decoder(AudioDecoder d) {
      this.decoder = Objects.requireNonNull(d);
      return this;
    }

    public Builder watermarker(Watermarker w) {
      this.watermarker = Objects.requireNonNull(w);
      return this;
    }

    /** Current and retired keys; asked on every file, so a rotation applies at once. */
    public Builder watermarkKeys(Supplier<List<WatermarkKey>> k) {
      this.keys = k;
      return this;
    }

    public Builder manifestVerifier(ManifestVerifier v) {
      this.manifests = v;
      return this;
    }

    public Builder ledger(ProvenanceLedger l) {
      this.ledger = l;
      return this;
    }

    public Builder consentStatus(ConsentStatus.Source s) {
      this.consent = s;
      return this;
    }

    /** An optional anti-spoofing classifier. */
    public Builder spoofScorer(SpoofScorer s) {
      this.scorer = s;
      return this;
    }

    public ProvenanceDetector build() {
      return new ProvenanceDetector(this);
    }
  }
}
