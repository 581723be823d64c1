package org.voxproof.synth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.policy.Principal;
import org.voxproof.policy.UsageRules;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.synth.engine.EspeakEngine;
import org.voxproof.watermark.WatermarkKey;

/** A real key ring, ledger, policy and espeak-ng engine in temporary directories. */
final class SynthesizerFixture implements AutoCloseable {
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

  static TestConsent consent() {
    return TestConsent.of("voice-1", Set.of("notifications"), Instant.now().plusSeconds(3600));
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
