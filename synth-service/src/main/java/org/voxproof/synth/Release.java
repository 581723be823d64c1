package org.voxproof.synth;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ProvenanceException;
import org.voxproof.provenance.SignedAudio;
import org.voxproof.synth.engine.Pcm;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.WatermarkException;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

/**
 * The provenance steps after the engine, in the only safe order: allocate a payload unused in the
 * ledger and a manifest id; embed the watermark in the PCM; encode (the mark goes in before the
 * encoder); sign and embed the C2PA manifest; append the ledger record durably. Any failure throws
 * {@link ProvenanceStepException} and the caller releases nothing. A payload that another append
 * claimed in the meantime (ledger conflict) is re-drawn and the steps re-run.
 */
final class Release {
  private static final int ATTEMPTS = 3;

  /** Audio that passed every step, and the nanoseconds of each step (last attempt). */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  record Released(
      byte[] audio,
      UUID manifestId,
      long ledgerIndex,
      Payload payload,
      long markNanos,
      long encodeNanos,
      long signNanos,
      long ledgerNanos) {}

  /** What the manifest and the record say besides what the steps compute. */
  @SuppressWarnings("ArrayRecordComponent") // internal, never compared
  record Facts(
      String engine,
      String modelId,
      byte[] commitment,
      String licenseePseudonym,
      String purpose,
      String assurance) {}

  private final Watermarker watermarker;
  private final WatermarkKey key;
  private final ManifestSigner signer;
  private final ProvenanceLedger ledger;
  private final Map<OutputFormat, AudioEncoder> encoders;
  private final SecureRandom random;
  private final Clock clock;

  Release(
      Watermarker watermarker,
      WatermarkKey key,
      ManifestSigner signer,
      ProvenanceLedger ledger,
      Map<OutputFormat, AudioEncoder> encoders,
      SecureRandom random,
      Clock clock) {
    this.watermarker = watermarker;
    this.key = key;
    this.signer = signer;
    this.ledger = ledger;
    this.encoders = Map.copyOf(encoders);
    this.random = random;
    this.clock = clock;
  }

  Released release(Pcm pcm, OutputFormat format, Facts facts) throws ProvenanceStepException {
    for (int attempt = 1; ; attempt++) {
      long t0 = System.nanoTime();
      Payload payload = freshPayload();
      UUID manifestId = UUID.randomUUID();
      Pcm marked = mark(pcm, payload);
      long t1 = System.nanoTime();
      byte[] encoded = encode(marked, format);
      long t2 = System.nanoTime();
      SignedAudio signed = sign(encoded, manifest(manifestId, payload, pcm, facts));
      long t3 = System.nanoTime();
      try {
        AppendResult r = ledger.append(record(manifestId, payload, signed, facts));
        long t4 = System.nanoTime();
        return new Released(
            signed.audio(), manifestId, r.index(), payload, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
      } catch (LedgerConflictException e) {
        if (attempt == ATTEMPTS) {
          throw new ProvenanceStepException("ledger_unavailable", "ledger conflicts persist", e);
        }
      } catch (LedgerException e) {
        throw new ProvenanceStepException("ledger_unavailable", "ledger append failed", e);
      }
    }
  }

  private Payload freshPayload() throws ProvenanceStepException {
    try {
      for (int i = 0; i < 16; i++) {
        Payload p = new Payload(random.nextInt());
        if (ledger.findByWatermark(bytes(p)).isEmpty()) {
          return p;
        }
      }
    } catch (LedgerException e) {
      throw new ProvenanceStepException("ledger_unavailable", "ledger lookup failed", e);
    }
    throw new ProvenanceStepException("ledger_unavailable", "no free watermark payload", null);
  }

  private Pcm mark(Pcm pcm, Payload payload) throws ProvenanceStepException {
    try {
      return new Pcm(
          watermarker.embed(pcm.samples(), pcm.sampleRate(), payload, key), pcm.sampleRate());
    } catch (WatermarkException | RuntimeException e) {
      throw new ProvenanceStepException("watermark_failed", "watermark embedding failed", e);
    }
  }

  private byte[] encode(Pcm pcm, OutputFormat format) throws ProvenanceStepException {
    float[][] ch = {pcm.samples()};
    if (format == OutputFormat.WAV) {
      return WavWriter.pcm16().toBytes(ch, pcm.sampleRate());
    }
    AudioEncoder enc = encoders.get(format);
    if (enc == null) {
      throw new ProvenanceStepException("encoding_failed", "no encoder for " + format, null);
    }
    try {
      AudioInfo info = new AudioInfo("wav", "pcm", pcm.sampleRate(), 1, pcm.seconds());
      return enc.encode(new DecodedAudio(info, ch));
    } catch (IOException | RuntimeException e) {
      throw new ProvenanceStepException("encoding_failed", format + " encoding failed", e);
    }
  }

  private ManifestContent manifest(UUID id, Payload payload, Pcm pcm, Facts f) {
    return new ManifestContent(
        id,
        Optional.empty(),
        f.engine(),
        f.modelId(),
        payload.value() & 0xffffffffL,
        0,
        Math.round(pcm.seconds() * 1000),
        f.commitment(),
        f.licenseePseudonym(),
        f.purpose(),
        ledger.origin(),
        OptionalLong.empty(),
        f.assurance());
  }

  private SignedAudio sign(byte[] audio, ManifestContent content) throws ProvenanceStepException {
    try {
      return signer.signWithDetails(audio, content);
    } catch (ProvenanceException | RuntimeException e) {
      throw new ProvenanceStepException("signing_failed", "manifest signing failed", e);
    }
  }

  private LedgerRecord record(UUID id, Payload payload, SignedAudio signed, Facts f) {
    return LedgerRecord.synthesis(
        id.toString(),
        bytes(payload),
        sha256(signed.audio()),
        signed.manifestStoreSha256(),
        f.commitment(),
        f.licenseePseudonym(),
        f.engine() + "/" + f.modelId(),
        f.purpose(),
        clock.instant());
  }

  /** The payload as the ledger keys it: 4 bytes, big-endian (the detector looks it up so). */
  static byte[] bytes(Payload p) {
    return HexFormat.of().parseHex(p.hex());
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
