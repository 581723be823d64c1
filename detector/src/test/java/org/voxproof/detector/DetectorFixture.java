package org.voxproof.detector;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.voxproof.policy.Assurance;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.Principal;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestArchive;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.OutputFormat;
import org.voxproof.synth.SynthesisRequest;
import org.voxproof.synth.SynthesisResult;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.engine.EspeakEngine;

/**
 * A real operator setup in a temporary data directory: key ring, embedded ledger signed with the
 * ring's checkpoint key, the manifest archive, and synth-service's {@link Synthesizer} with the
 * espeak-ng engine making "our output" under a consent token issued and verified by
 * consent-service.
 */
public final class DetectorFixture implements AutoCloseable {
  public static final String ORIGIN = "voxproof.test/detector";
  public static final String TEXT =
      "Your new debit card has been posted today and should arrive within three working days.";

  public final Path data;
  public final KeyRing ring;
  public final EmbeddedLedger ledger;
  public final ManifestArchive archive;
  private final Synthesizer synth;
  private final VerifiedConsent consent;

  public DetectorFixture(Path dir) throws Exception {
    data = dir.resolve("data");
    ring = KeyRing.builder().dataDirectory(data).password("pw".toCharArray()).open();
    ledger =
        EmbeddedLedger.builder(data).origin(ORIGIN).signer(ring.checkpointSigner(ORIGIN)).open();
    archive = ManifestArchive.open(data.resolve("manifests"));
    synth =
        Synthesizer.builder()
            .policy(PolicyEngine.builder().build())
            .engine(EspeakEngine.builder().build())
            .watermarkKey(ring.watermarkKeys().current())
            .signer(ManifestSigner.builder().keyRing(ring).archive(archive).build())
            .ledger(ledger)
            .pseudonyms(new LicenseePseudonyms(new byte[32]))
            .build();
    consent = consent();
  }

  /** Our output: synthesized, watermarked, signed, archived and recorded. */
  public SynthesisResult ours(String text, OutputFormat format) throws Exception {
    return synth.synthesize(
        consent,
        new SynthesisRequest(
            Principal.licensee("client-1", "bank"),
            text,
            "en",
            "notifications",
            format,
            Optional.empty()));
  }

  private VerifiedConsent consent() throws Exception {
    Instant now = Instant.now().minusSeconds(1);
    byte[] commitment = new byte[32];
    commitment[0] = 7;
    ConsentGrant g =
        new ConsentGrant(
            "jti-1",
            "consent-1",
            "voice-1",
            "owner-1",
            "bank",
            Set.of("notifications"),
            Set.of("en"),
            5000,
            Assurance.BASIC,
            "ab".repeat(32),
            commitment,
            now,
            now,
            now.plus(Duration.ofHours(2)),
            new StatusReference("https://consent.example/v1/status-lists/1", 7));
    return ConsentVerifier.builder()
        .issuer("https://consent.example")
        .keys(TokenKeySource.of(ring))
        .statusSource((uri, index) -> StatusList.VALID)
        .build()
        .verify(ConsentTokenIssuer.create("https://consent.example", ring).issue(g), "bank");
  }

  @Override
  public void close() throws Exception {
    ledger.close();
    ring.close();
  }
}
