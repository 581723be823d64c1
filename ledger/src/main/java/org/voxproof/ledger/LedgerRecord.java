package org.voxproof.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One immutable ledger record. It holds identifiers, hashes and salted commitments only — never
 * personal data — so erasure never rewrites the log.
 *
 * @param kind what the record attests
 * @param id the idempotency key: the manifest id of a synthesis, the event id of an audit event
 * @param watermark the watermark payload (1..32 bytes for a synthesis, else empty)
 * @param audioSha256 SHA-256 of the output audio (synthesis) or empty
 * @param manifestHash hash of the C2PA manifest (synthesis) or empty
 * @param consentCommitment H(salt ‖ token id) (32 bytes) or empty
 * @param licensee the licensee pseudonym (keyed hash of its id), never its name; may be empty
 * @param engine the engine/model id; may be empty
 * @param subject what an audit event is about (e.g. the manifest id the police resolved); for a
 *     synthesis, the purpose it was made for (a token such as {@code notifications}); may be empty
 * @param detailHash a hash qualifying an audit event (e.g. of the case reference) or empty
 * @param time when the record was made, millisecond precision
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record LedgerRecord(
    RecordKind kind,
    String id,
    byte[] watermark,
    byte[] audioSha256,
    byte[] manifestHash,
    byte[] consentCommitment,
    String licensee,
    String engine,
    String subject,
    byte[] detailHash,
    Instant time) {

  /** Identifiers are short printable ASCII tokens without spaces: no room for names or prose. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{0,128}");

  private static final byte[] NONE = new byte[0];

  public LedgerRecord {
    Objects.requireNonNull(kind, "kind");
    requireToken(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    watermark = copy(watermark, "watermark");
    audioSha256 = hash(audioSha256, "audioSha256");
    manifestHash = hash(manifestHash, "manifestHash");
    consentCommitment = hash(consentCommitment, "consentCommitment");
    detailHash = hash(detailHash, "detailHash");
    requireToken(licensee, "licensee");
    requireToken(engine, "engine");
    requireToken(subject, "subject");
    Objects.requireNonNull(time, "time");
    time = Instant.ofEpochMilli(time.toEpochMilli());
    if (watermark.length > 32) {
      throw new IllegalArgumentException("watermark must be at most 32 bytes");
    }
    checkKind(kind, watermark, audioSha256, manifestHash, consentCommitment);
  }

  /** A synthesis record, keyed by manifest id, without a purpose. */
  public static LedgerRecord synthesis(
      String manifestId,
      byte[] watermark,
      byte[] audioSha256,
      byte[] manifestHash,
      byte[] consentCommitment,
      String licensee,
      String engine,
      Instant time) {
    return synthesis(
        manifestId,
        watermark,
        audioSha256,
        manifestHash,
        consentCommitment,
        licensee,
        engine,
        "",
        time);
  }

  /**
   * A synthesis record, keyed by manifest id, with the purpose it was made for (in {@link
   * #subject()}): with the consent commitment, the licensee pseudonym and the time, what a voice
   * owner's uses list shows ({@link ProvenanceLedger#findByCommitment}).
   */
  public static LedgerRecord synthesis(
      String manifestId,
      byte[] watermark,
      byte[] audioSha256,
      byte[] manifestHash,
      byte[] consentCommitment,
      String licensee,
      String engine,
      String purpose,
      Instant time) {
    return new LedgerRecord(
        RecordKind.SYNTHESIS,
        manifestId,
        watermark,
        audioSha256,
        manifestHash,
        consentCommitment,
        licensee,
        engine,
        purpose,
        NONE,
        time);
  }

  /** A revocation of the consent with this commitment. */
  public static LedgerRecord revocation(String eventId, byte[] consentCommitment, Instant time) {
    return event(RecordKind.REVOCATION, eventId, consentCommitment, "", NONE, time);
  }

  /** An erasure of the voice whose consent has this commitment. */
  public static LedgerRecord erasure(String eventId, byte[] consentCommitment, Instant time) {
    return event(RecordKind.ERASURE, eventId, consentCommitment, "", NONE, time);
  }

  /** A police access to the record of {@code manifestId}, with a hash of the case reference. */
  public static LedgerRecord policeAccess(
      String eventId, String manifestId, byte[] caseReferenceHash, Instant time) {
    return event(RecordKind.POLICE_ACCESS, eventId, NONE, manifestId, caseReferenceHash, time);
  }

  private static LedgerRecord event(
      RecordKind kind, String id, byte[] commitment, String subject, byte[] detail, Instant time) {
    return new LedgerRecord(kind, id, NONE, NONE, NONE, commitment, "", "", subject, detail, time);
  }

  @Override
  public byte[] watermark() {
    return watermark.clone();
  }

  @Override
  public byte[] audioSha256() {
    return audioSha256.clone();
  }

  @Override
  public byte[] manifestHash() {
    return manifestHash.clone();
  }

  @Override
  public byte[] consentCommitment() {
    return consentCommitment.clone();
  }

  @Override
  public byte[] detailHash() {
    return detailHash.clone();
  }

  /** The watermark payload in lowercase hex ("" when none). */
  public String watermarkHex() {
    return HexFormat.of().formatHex(watermark);
  }

  /** The canonical encoding; its RFC 9162 leaf hash is the log leaf. */
  public byte[] encode() {
    return RecordCodec.encode(this);
  }

  /** Parses a canonical encoding; throws {@link IllegalArgumentException} when malformed. */
  public static LedgerRecord decode(byte[] data) {
    return RecordCodec.decode(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerRecord r && Arrays.equals(encode(), r.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "LedgerRecord[" + kind + " " + id + " @" + time + "]";
  }

  private static void checkKind(
      RecordKind kind, byte[] watermark, byte[] audio, byte[] manifest, byte[] commitment) {
    switch (kind) {
      case SYNTHESIS -> {
        if (watermark.length == 0 || audio.length == 0 || manifest.length == 0) {
          throw new IllegalArgumentException(
              "a synthesis needs a watermark, an audio hash and a manifest hash");
        }
      }
      case REVOCATION, ERASURE -> {
        if (commitment.length == 0) {
          throw new IllegalArgumentException(kind + " needs a consent commitment");
        }
      }
      case POLICE_ACCESS -> {
        // subject and detail are optional
      }
    }
  }

  private static void requireToken(String s, String what) {
    Objects.requireNonNull(s, what);
    if (!TOKEN.matcher(s).matches()) {
      throw new IllegalArgumentException(
          what + " must be at most 128 printable ASCII characters without spaces");
    }
  }

  private static byte[] copy(byte[] b, String what) {
    return Objects.requireNonNull(b, what).clone();
  }

  private static byte[] hash(byte[] b, String what) {
    byte[] c = copy(b, what);
    if (c.length != 0 && c.length != 32) {
      throw new IllegalArgumentException(what + " must be empty or 32 bytes");
    }
    return c;
  }
}
