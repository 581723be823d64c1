package org.voxproof.consent.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.ConsentChecks;
import org.voxproof.consent.checks.RecordingCheck;
import org.voxproof.consent.checks.SampleCheck;
import org.voxproof.consent.store.ConsentRecord;
import org.voxproof.consent.store.ConsentStore;
import org.voxproof.consent.store.Enrolment;
import org.voxproof.consent.store.NewEnrolment;
import org.voxproof.consent.store.StoredReplayIndex;
import org.voxproof.consent.store.StoredStatusLists;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.KeyRing;

/**
 * The consent flow (DESIGN.md "The three flows"): enrolment by a licensee, invitation redeemed by
 * the owner, reference samples, challenge, spoken consent → signed token, plus reads. Revocation,
 * erasure and uses are in {@link ConsentAfterwards}. Every method blocks (database, decoding,
 * models): call it on a worker. Access rules: a licensee sees only its organisation's enrolments,
 * an owner only their own; anything else is "not found".
 */
public final class ConsentService {
  private static final Pattern OWNER_NAME = Pattern.compile("[^\\p{Cntrl}]{1,200}");
  private static final SecureRandom RANDOM = new SecureRandom();

  final ConsentStore store;
  final ConsentChecks checks;
  final ConsentConfig config;
  final Clock clock;
  final StoredStatusLists statusLists;
  final StoredReplayIndex replays;
  final ConsentTokenIssuer issuer;
  final ProvenanceLedger ledger;
  final KeyRing ring;
  final List<VoiceErased.Listener> listeners = new CopyOnWriteArrayList<>();
  private final ConsentAfterwards afterwards;
  private final Recovery recovery;

  /**
   * @param sameRecording the checks' rule for "this fingerprint is a copy of that stored one"
   */
  public ConsentService(
      ConsentStore store,
      ConsentChecks checks,
      KeyRing ring,
      ProvenanceLedger ledger,
      ConsentConfig config,
      Clock clock,
      java.util.function.BiPredicate<
              org.voxproof.consent.checks.Fingerprint, org.voxproof.consent.checks.Fingerprint>
          sameRecording) {
    this.store = Objects.requireNonNull(store);
    this.checks = Objects.requireNonNull(checks);
    this.ring = Objects.requireNonNull(ring);
    this.ledger = Objects.requireNonNull(ledger);
    this.config = Objects.requireNonNull(config);
    this.clock = Objects.requireNonNull(clock);
    this.statusLists = new StoredStatusLists(store, config.issuer());
    this.replays = new StoredReplayIndex(store, sameRecording);
    this.issuer = ConsentTokenIssuer.create(config.issuer(), ring);
    this.afterwards = new ConsentAfterwards(this);
    this.recovery = new Recovery(this);
  }

  /** Recovering a lost owner secret by voice. */
  public Recovery recovery() {
    return recovery;
  }

  /** Revocation, erasure and uses. */
  public ConsentAfterwards afterwards() {
    return afterwards;
  }

  /** The status lists (also the in-process {@code ConsentVerifier}'s status source). */
  public StoredStatusLists statusLists() {
    return statusLists;
  }

  public ConsentStore store() {
    return store;
  }

  public ConsentConfig config() {
    return config;
  }

  /** Adds a listener told of every erasure (e.g. the app publishing it for synth's models). */
  public void onErasure(VoiceErased.Listener l) {
    listeners.add(Objects.requireNonNull(l));
  }

  /** What {@code POST /v1/enrollments} returns. */
  public record Started(String id, String invitation, String consentUrl) {
    @Override
    public String toString() {
      return "Started[" + id + "]";
    }
  }

  public Started enrol(
      Principal licensee, String ownerName, List<String> purposes, List<String> languages, int days)
      throws Exception {
    if (ownerName == null || !OWNER_NAME.matcher(ownerName).matches() || ownerName.isBlank()) {
      throw ConsentApiException.badRequest("ownerName must be 1-200 characters, no control codes");
    }
    checkTokens(purposes, ConsentGrant.PURPOSE, "purposes");
    checkTokens(languages, ConsentGrant.LANGUAGE, "languages");
    for (String l : languages) {
      if (!checks.languages().contains(l)) {
        throw ConsentApiException.unsupportedLanguage(
            "no speech recognizer is configured for language '"
                + l
                + "'; supported: "
                + String.join(", ", new java.util.TreeSet<>(checks.languages())));
      }
    }
    if (days < 1 || days > 3650) {
      throw ConsentApiException.badRequest("validDays must be 1 to 3650");
    }
    Instant now = clock.instant();
    String id = Secrets.id("enr");
    String invitation = Secrets.newSecret(Secrets.INVITATION, id);
    store.createEnrolment(
        new NewEnrolment(
            id,
            licensee.id(),
            licensee.organisation(),
            Secrets.id("own"),
            Secrets.id("vox"),
            ownerName,
            List.copyOf(new LinkedHashSet<>(purposes)),
            List.copyOf(new LinkedHashSet<>(languages)),
            days,
            Secrets.hash(invitation),
            now.plus(config.invitationValidity()),
            now));
    // The invitation travels in the fragment: browsers never send it to a server's logs.
    String url = config.issuer() + "/consent/" + id + "#invitation=" + invitation;
    return new Started(id, invitation, url);
  }

  private static void checkTokens(List<String> values, Pattern p, String what)
      throws ConsentApiException {
    if (values == null || values.isEmpty() || values.size() > 16) {
      throw ConsentApiException.badRequest(what + ": 1 to 16 expected");
    }
    for (String v : values) {
      if (v == null || !p.matcher(v).matches()) {
        throw ConsentApiException.badRequest(what + ": malformed entry (expected " + p + ")");
      }
    }
  }

  /** Redeems the invitation once; returns the owner secret (shown only here). */
  public String redeem(Principal invitee, String id, String invitation) throws Exception {
    Enrolment e = visible(invitee, id);
    ConsentStore.Credentials c = store.credentials(id).orElseThrow();
    if (c.redeemed()) {
      throw ConsentApiException.conflict("invitation_used", "the invitation was redeemed already");
    }
    if (!clock.instant().isBefore(c.invitationExpires()) || e.erased()) {
      throw ConsentApiException.conflict("invitation_expired", "the invitation has expired");
    }
    String secret = Secrets.newSecret(Secrets.OWNER, id);
    if (!store.redeem(id, Secrets.hash(invitation), Secrets.hash(secret), clock.instant())) {
      throw ConsentApiException.conflict("invitation_used", "the invitation was redeemed already");
    }
    return secret;
  }

  /** What {@code POST .../samples} returns. */
  public record Sample(String sampleId, double durationSeconds) {}

  public Sample addSample(Principal owner, String id, byte[] audio) throws Exception {
    Enrolment e = visible(owner, id);
    requireStatus(e, Enrolment.OPEN);
    SampleCheck c = checks.checkSample(audio, replays);
    if (!c.passed()) {
      throw ConsentApiException.refused("sample_refused", "the sample was refused", c.reasons());
    }
    String sampleId = Secrets.id("smp");
    store.addSample(
        e, sampleId, audio, Math.round(c.durationSeconds() * 1000), c.print(), clock.instant());
    replays.add(e.voiceId(), c.fingerprint());
    return new Sample(sampleId, c.durationSeconds());
  }

  /** What {@code POST .../challenge} returns: the text to read (names the owner) and its end. */
  public record Issued(String phrase, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[until " + expiresAt + "]";
    }
  }

  public Issued challenge(Principal owner, String id, String language) throws Exception {
    Enrolment e = visible(owner, id);
    requireStatus(e, Enrolment.OPEN);
    String lang = language == null ? e.languages().get(0) : language;
    if (!e.languages().contains(lang)) {
      throw ConsentApiException.badRequest("language is not one of the enrolment's languages");
    }
    double have = store.sampleMillis(id) / 1000.0;
    if (have < config.minSampleSeconds()) {
      throw ConsentApiException.conflict(
          "samples_missing",
          String.format(
              java.util.Locale.ROOT,
              "reference samples total %.1f s; %.1f s are needed first",
              have,
              config.minSampleSeconds()));
    }
    String name = store.ownerName(e).orElseThrow();
    Challenge c;
    try {
      c = checks.challenge(lang, name, e.licenseeOrg(), e.purposes());
    } catch (IllegalArgumentException ex) {
      throw ConsentApiException.unsupportedLanguage("no recognizer for this language");
    }
    Instant now = clock.instant();
    Instant until = now.plus(config.challengeWindow());
    store.putChallenge(e, c, now, until);
    return new Issued(c.phrase(), until);
  }

  /** What a given consent returns. */
  public record Given(String consentId, String voiceId, String token) {
    @Override
    public String toString() {
      return "Given[" + consentId + "]";
    }
  }

  /**
   * Checks the spoken consent against the live challenge (taken: it answers once) and, when every
   * check passes, stores the consent and issues its token.
   *
   * @throws ConsentApiException 422 with every failed check in {@code reasons}
   */
  public Given consent(Principal owner, String id, byte[] audio) throws Exception {
    Enrolment e = visible(owner, id);
    requireStatus(e, Enrolment.OPEN);
    Instant received = clock.instant();
    Optional<ConsentStore.TakenChallenge> taken = store.takeChallenge(e, received);
    if (taken.isEmpty()) {
      throw ConsentApiException.refused(
          "consent_refused", "no challenge was asked for", List.of("expired"));
    }
    RecordingCheck r =
        checks.checkRecording(audio, taken.get().challenge(), store.samplePrints(e), replays);
    List<String> reasons = new ArrayList<>();
    if (!taken.get().fresh()) {
      reasons.add("expired");
    }
    reasons.addAll(r.reasons());
    if (reasons.isEmpty() && !r.assurance().atLeast(config.minimumAssurance())) {
      reasons.add("assurance");
    }
    if (!reasons.isEmpty()) {
      throw ConsentApiException.refused(
          "consent_refused", "the spoken consent did not pass", List.copyOf(reasons));
    }
    return grant(e, audio, r, received);
  }

  private Given grant(Enrolment e, byte[] audio, RecordingCheck r, Instant now) throws Exception {
    long index = store.allocateStatusIndex();
    String consentId = Secrets.id("cns");
    String tokenId = Secrets.id("jti");
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    byte[] commitment = sha256(salt, tokenId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Instant expires = now.plus(Duration.ofDays(e.validDays()));
    ConsentGrant g =
        new ConsentGrant(
            tokenId,
            consentId,
            e.voiceId(),
            e.ownerId(),
            e.licenseeOrg(),
            new java.util.HashSet<>(e.purposes()),
            new java.util.HashSet<>(e.languages()),
            config.maxCharacters(),
            r.assurance(),
            HexFormat.of().formatHex(sha256(audio)),
            commitment,
            now,
            now,
            expires,
            statusLists.reference(index));
    String token = issuer.issue(g);
    ConsentRecord rec =
        new ConsentRecord(
            consentId,
            e.id(),
            e.voiceId(),
            e.licenseeOrg(),
            tokenId,
            g.commitmentHex(),
            index,
            r.assurance().code(),
            g.evidenceSha256(),
            token,
            now,
            expires,
            null,
            null,
            null);
    store.saveConsent(rec, e, audio, r.print());
    if (r.fingerprint() != null) {
      replays.add(e.voiceId(), r.fingerprint());
    }
    return new Given(consentId, e.voiceId(), token);
  }

  /** {@code GET /v1/enrollments/{id}}: the enrolment and its latest consent, if any. */
  public record View(Enrolment enrolment, Optional<ConsentRecord> consent) {}

  public View view(Principal caller, String id) throws Exception {
    Enrolment e = visible(caller, id);
    List<ConsentRecord> all = store.consentsOf(id);
    return new View(e, all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
  }

  /** A consent record the caller may see (its licensee organisation or its owner). */
  public ConsentRecord consentRecord(Principal caller, String consentId) throws Exception {
    Optional<ConsentRecord> c = store.consent(consentId);
    if (c.isEmpty()) {
      throw ConsentApiException.notFound("no such consent");
    }
    visible(caller, c.get().enrolmentId());
    return c.get();
  }

  /**
   * The consent status now of the consent with this commitment ({@code active}, {@code revoked},
   * {@code expired}, {@code erased}), or empty when this service does not know it: what the
   * detector reports.
   */
  public Optional<String> statusOfCommitment(byte[] commitment) throws Exception {
    if (commitment == null || commitment.length != 32) {
      return Optional.empty();
    }
    return store
        .consentByCommitment(HexFormat.of().formatHex(commitment))
        .map(c -> c.status(clock.instant()));
  }

  /**
   * Who is behind a commitment — the licensee organisation and the consent id — for the detector's
   * investigator view only (police with a recorded legal basis, operators); empty when unknown.
   */
  public Optional<Disclosed> disclosureOfCommitment(byte[] commitment) throws Exception {
    if (commitment == null || commitment.length != 32) {
      return Optional.empty();
    }
    return store
        .consentByCommitment(HexFormat.of().formatHex(commitment))
        .map(c -> new Disclosed(c.licenseeOrg(), c.id()));
  }

  /** The licensee organisation and consent id behind a commitment. */
  public record Disclosed(String licensee, String consentId) {}

  /** The enrolment if {@code caller} may see it, else "not found" (never "forbidden"). */
  Enrolment visible(Principal caller, String id) throws Exception {
    if (id == null || !Secrets.ENROLMENT_ID.matcher(id).matches()) {
      throw ConsentApiException.notFound("no such enrolment");
    }
    Optional<Enrolment> e = store.enrolment(id);
    boolean ok =
        e.isPresent()
            && switch (caller.role()) {
              case LICENSEE -> e.get().licenseeOrg().equals(caller.organisation());
              case OWNER, INVITEE -> e.get().id().equals(caller.id());
              default -> false;
            };
    if (!ok) {
      throw ConsentApiException.notFound("no such enrolment");
    }
    return e.get();
  }

  private static void requireStatus(Enrolment e, String status) throws ConsentApiException {
    if (!e.status().equals(status)) {
      throw ConsentApiException.conflict(
          "wrong_state", "the enrolment is " + e.status() + ", not " + status);
    }
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  static boolean isOwner(Principal p) {
    return p.role() == Role.OWNER;
  }
}
