package org.voxproof.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voxproof.consent.token.ConsentGrant;
import org.voxproof.consent.token.ConsentTokenIssuer;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.policy.Assurance;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.Principal;
import org.voxproof.policy.UsageRules;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.watermark.WatermarkKey;

/**
 * A real key ring, ledger, policy, espeak-ng engine, and consent tokens issued and verified by
 * consent-service's issuer and verifier, in temporary directories.
 */
final class SynthesizerFixture implements AutoCloseable {
  static final String ISSUER = "https://consent.example";
  static final byte[] COMMITMENT = commitment();
  static final Principal CLIENT = Principal.licensee("client-1", "bank");
  static final String TEXT =
      "Your new debit card has been posted today and should arrive within three working days."
          + " Please activate it in the app before first use, and call us if it does not arrive.";

  final KeyRing ring;
  final WatermarkKey key;
  final NoteSigner noteSigner = Ed25519NoteKeys.generate("voxproof.test/synth");
  final EmbeddedLedger ledger;
  final ManifestVerifier verifier;
  final Path dir;

  SynthesizerFixture(Path dir) throws Exception {
    this.dir = dir;
    ring = KeyRing.builder().dataDirectory(dir.resolve("keys")).password("pw".toCharArray()).open();
    key = ring.watermarkKeys().current();
    ledger = EmbeddedLedger.builder(dir.resolve("ledger")).signer(noteSigner).open();
    verifier = ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build();
  }

  SynthesizerBuilder builder(UsageRules rules) throws Exception {
    return Synthesizer.builder()
        .policy(PolicyEngine.builder().rules(rules).build())
        .engine(EspeakEngine.builder().build())
        .watermarkKey(key)
        .signer(ManifestSigner.builder().keyRing(ring).build())
        .ledger(ledger)
        .pseudonyms(new LicenseePseudonyms(new byte[32]));
  }

  /** A verified consent for voice-1, notifications, en and zh, valid for an hour. */
  VerifiedConsent consent() throws Exception {
    return consent("voice-1", Instant.now().plus(Duration.ofHours(1)));
  }

  /** A token issued by consent-service's issuer and checked by its verifier. */
  VerifiedConsent consent(String voiceId, Instant expires) throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    ConsentGrant g =
        new ConsentGrant(
            "jti-" + voiceId,
            "consent-" + voiceId,
            voiceId,
            "owner-1",
            "bank",
            Set.of("notifications"),
            Set.of("en", "zh"),
            2000,
            Assurance.BASIC,
            "ab".repeat(32),
            COMMITMENT,
            now,
            now,
            expires,
            new StatusReference(ISSUER + "/v1/status-lists/1", 7));
    ConsentTokenIssuer issuer = ConsentTokenIssuer.create(ISSUER, ring);
    ConsentVerifier verifier =
        ConsentVerifier.builder()
            .issuer(ISSUER)
            .keys(TokenKeySource.of(ring))
            .statusSource((uri, index) -> StatusList.VALID)
            .build();
    return verifier.verify(issuer.issue(g), "bank");
  }

  private static byte[] commitment() {
    byte[] c = new byte[32];
    c[0] = 7;
    return c;
  }

  static SynthesisRequest request(String text, OutputFormat f) {
    return new SynthesisRequest(CLIENT, text, "en", "notifications", f, Optional.empty());
  }

  static List<String> reasons(Throwable t) {
    return ((SynthesisRefusedException) t).reasons();
  }

  @Override
  public void close() throws Exception {
    ledger.close();
    ring.close();
  }
}
