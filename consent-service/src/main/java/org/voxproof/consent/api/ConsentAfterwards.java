package org.voxproof.consent.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voxproof.consent.store.ConsentRecord;
import org.voxproof.consent.store.Enrolment;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.RecordKind;

/**
 * What an owner does after consenting: revoke a consent, erase the voice, list its uses. Each
 * change is committed to the store first, then recorded in the ledger (idempotent ids, so a retry
 * after a ledger failure completes it), then answered with a signed receipt. Blocking.
 */
public final class ConsentAfterwards {
  private static final Logger LOG = Logger.getLogger(ConsentAfterwards.class.getName());

  private final ConsentService s;
  private final Receipts receipts;

  public ConsentAfterwards(ConsentService service) {
    this.s = service;
    this.receipts = new Receipts(service.config.issuer(), service.ring);
  }

  /** A revocation or erasure done: the receipt (a signed JWS). */
  public record Done(String id, String receipt) {}

  /** Revokes an owner's consent: status bit, ledger revocation record, receipt. Idempotent. */
  public Done revoke(Principal owner, String consentId) throws Exception {
    requireOwner(owner);
    ConsentRecord c = s.consentRecord(owner, consentId);
    ConsentRecord r = s.store.revoke(consentId, Secrets.id("rev"), s.clock.instant());
    s.statusLists.invalidate();
    byte[] commitment = HexFormat.of().parseHex(r.commitmentHex());
    AppendResult a =
        s.ledger.append(LedgerRecord.revocation(r.revocationEvent(), commitment, r.revoked()));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("consent_id", c.id());
    facts.put("voice_id", c.voiceId());
    facts.put("commitment", r.commitmentHex());
    facts.put(
        "status_list",
        Map.of(
            "idx",
            s.statusLists.reference(r.statusIndex()).index(),
            "uri",
            s.statusLists.reference(r.statusIndex()).uri()));
    facts.put("ledger_index", a.index());
    return new Done(c.id(), receipts.sign(r.revocationEvent(), "revoked", r.revoked(), facts));
  }

  /**
   * Erases a voice: samples, recordings, prints, fingerprints, the owner's name and data key; every
   * consent revoked; one ledger erasure record per consent; listeners told; a receipt.
   */
  public Done erase(Principal owner, String voiceId) throws Exception {
    requireOwner(owner);
    Optional<Enrolment> e = voiceId == null ? Optional.empty() : s.store.enrolmentOfVoice(voiceId);
    if (e.isEmpty() || !e.get().id().equals(owner.id())) {
      throw ConsentApiException.notFound("no such voice");
    }
    String eventId = s.store.erasureEvent(voiceId).orElse(Secrets.id("era"));
    Instant now = s.clock.instant();
    List<ConsentRecord> consents = s.store.erase(e.get(), eventId, now);
    s.statusLists.invalidate();
    s.replays.forget(voiceId);
    List<String> commitments = new ArrayList<>();
    List<Long> indexes = new ArrayList<>();
    for (int i = 0; i < consents.size(); i++) {
      ConsentRecord c = consents.get(i);
      commitments.add(c.commitmentHex());
      byte[] commitment = HexFormat.of().parseHex(c.commitmentHex());
      indexes.add(s.ledger.recordErasure(eventId + "." + i, commitment, c.erased()).index());
    }
    VoiceErased event = new VoiceErased(eventId, voiceId, commitments);
    for (VoiceErased.Listener l : s.listeners) {
      try {
        l.erased(event);
      } catch (RuntimeException ex) {
        LOG.log(Level.WARNING, "erasure listener failed: " + ex.getClass().getSimpleName());
      }
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("voice_id", voiceId);
    facts.put("consent_ids", consents.stream().map(ConsentRecord::id).toList());
    facts.put("commitments", commitments);
    facts.put("ledger_indexes", indexes);
    facts.put(
        "erased",
        List.of("samples", "recordings", "voice_prints", "fingerprints", "owner_name", "data_key"));
    return new Done(voiceId, receipts.sign(eventId, "erased", now, facts));
  }

  /** One synthesis made with a voice, from its ledger record. */
  public record Use(
      Instant time,
      String licensee,
      String purpose,
      String manifestId,
      long ledgerIndex,
      String consentId) {}

  /** Every synthesis made under any consent of the owner's voice, in ledger order. */
  public List<Use> uses(Principal owner, String voiceId) throws Exception {
    requireOwner(owner);
    Optional<Enrolment> e = voiceId == null ? Optional.empty() : s.store.enrolmentOfVoice(voiceId);
    if (e.isEmpty() || !e.get().id().equals(owner.id())) {
      throw ConsentApiException.notFound("no such voice");
    }
    // Older synthesis records carry no purpose (subject empty): then a one-purpose consent names
    // it.
    String only = e.get().purposes().size() == 1 ? e.get().purposes().get(0) : null;
    List<Use> out = new ArrayList<>();
    for (ConsentRecord c : s.store.consentsOf(e.get().id())) {
      for (LedgerEntry le : s.ledger.findByCommitment(HexFormat.of().parseHex(c.commitmentHex()))) {
        LedgerRecord r = le.record();
        if (r.kind() == RecordKind.SYNTHESIS) {
          String purpose = r.subject().isEmpty() ? only : r.subject();
          out.add(new Use(r.time(), r.licensee(), purpose, r.id(), le.index(), c.id()));
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(Use::ledgerIndex));
    return out;
  }

  private static void requireOwner(Principal p) throws ConsentApiException {
    if (p.role() != Role.OWNER) {
      throw ConsentApiException.notFound("not found");
    }
  }
}
