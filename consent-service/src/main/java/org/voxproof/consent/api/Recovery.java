package org.voxproof.consent.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.RecordingCheck;
import org.voxproof.consent.checks.VoicePrint;
import org.voxproof.consent.store.ConsentStore;
import org.voxproof.consent.store.Enrolment;

/**
 * Recovering a lost owner secret by voice: anyone holding the enrolment id may ask for a recovery
 * challenge; a recording of it that passes every check against the enrolled reference voice
 * (phrase, window, replay, synthetic, speaker) gets a new owner secret, and the old one fails at
 * once. A recovery challenge cannot answer a consent, nor the other way round. Blocking.
 */
public final class Recovery {
  private final ConsentService s;

  Recovery(ConsentService service) {
    this.s = service;
  }

  /** A fresh recovery challenge (voids any live challenge of the enrolment). */
  public ConsentService.Issued challenge(String id) throws Exception {
    Enrolment e = recoverable(id);
    String name = s.store.ownerName(e).orElseThrow();
    Challenge c;
    try {
      c = s.checks.challenge(e.languages().get(0), name, e.licenseeOrg(), e.purposes());
    } catch (IllegalArgumentException ex) {
      throw ConsentApiException.unsupportedLanguage("no recognizer for this language");
    }
    Instant now = s.clock.instant();
    Instant until = now.plus(s.config.challengeWindow());
    s.store.putChallenge(e, c, now, until, ConsentStore.RECOVERY);
    return new ConsentService.Issued(c.phrase(), until);
  }

  /**
   * Checks the spoken recovery challenge against the enrolled voice; returns the new owner secret.
   *
   * @throws ConsentApiException 422 {@code recovery_refused} with every failed check
   */
  public String recover(String id, byte[] audio) throws Exception {
    Enrolment e = recoverable(id);
    Optional<ConsentStore.TakenChallenge> taken =
        s.store.takeChallenge(e, s.clock.instant(), ConsentStore.RECOVERY);
    if (taken.isEmpty()) {
      throw ConsentApiException.refused(
          "recovery_refused", "no recovery challenge was asked for", List.of("expired"));
    }
    List<VoicePrint> references = s.store.samplePrints(e);
    RecordingCheck r =
        s.checks.checkRecording(audio, taken.get().challenge(), references, s.replays);
    List<String> reasons = new ArrayList<>();
    if (!taken.get().fresh()) {
      reasons.add("expired");
    }
    reasons.addAll(r.reasons());
    if (references.isEmpty() && !reasons.contains("speaker_mismatch")) {
      reasons.add("speaker_mismatch"); // no enrolled voice to recover by
    }
    if (!reasons.isEmpty()) {
      throw ConsentApiException.refused(
          "recovery_refused", "the recording did not pass", List.copyOf(reasons));
    }
    String secret = Secrets.newSecret(Secrets.OWNER, id);
    s.store.replaceOwnerSecret(id, Secrets.hash(secret));
    if (r.fingerprint() != null) {
      s.replays.add(e.voiceId(), r.fingerprint());
    }
    return secret;
  }

  /** An enrolment whose invitation was redeemed and whose voice is not erased; else not found. */
  private Enrolment recoverable(String id) throws Exception {
    if (id == null || !Secrets.ENROLMENT_ID.matcher(id).matches()) {
      throw ConsentApiException.notFound("no such enrolment");
    }
    Optional<Enrolment> e = s.store.enrolment(id);
    Optional<ConsentStore.Credentials> c = s.store.credentials(id);
    if (e.isEmpty() || e.get().erased() || c.isEmpty() || !c.get().redeemed()) {
      throw ConsentApiException.notFound("no such enrolment");
    }
    return e.get();
  }
}
