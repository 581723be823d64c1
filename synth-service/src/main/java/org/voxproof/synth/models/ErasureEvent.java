package org.voxproof.synth.models;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;

/**
 * A voice was erased: everything held for it must go. Published by consent-service on the Vert.x
 * event bus (one process) and recorded in the ledger as an {@code ERASURE} record (across
 * processes, which carry only the consent commitment). Either key identifies the models to remove.
 *
 * @param eventId the erasure's id (the ledger record id)
 * @param voiceId the erased voice, when known
 * @param commitmentHex the erased consent's commitment (hex), when known
 */
public record ErasureEvent(
    String eventId, Optional<String> voiceId, Optional<String> commitmentHex) {
  /** The Vert.x event-bus address the application publishes erasures on. */
  public static final String ADDRESS = "voxproof.voice.erased";

  public ErasureEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(voiceId, "voiceId");
    Objects.requireNonNull(commitmentHex, "commitmentHex");
    if (voiceId.isEmpty() && commitmentHex.isEmpty()) {
      throw new IllegalArgumentException("an erasure names a voice or a consent commitment");
    }
  }

  public static ErasureEvent ofVoice(String eventId, String voiceId) {
    return new ErasureEvent(eventId, Optional.of(voiceId), Optional.empty());
  }

  public static ErasureEvent ofCommitment(String eventId, byte[] commitment) {
    return new ErasureEvent(
        eventId, Optional.empty(), Optional.of(HexFormat.of().formatHex(commitment)));
  }

  /** The event a ledger {@code ERASURE} record stands for. */
  public static ErasureEvent fromLedger(LedgerRecord r) {
    if (r.kind() != RecordKind.ERASURE) {
      throw new IllegalArgumentException("not an erasure record: " + r.kind());
    }
    return ofCommitment(r.id(), r.consentCommitment());
  }

  boolean matches(RegisteredModel m) {
    return voiceId.map(m.voiceId()::equals).orElse(false)
        || commitmentHex.map(m.commitmentHex()::equals).orElse(false);
  }
}
