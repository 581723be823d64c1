package org.voxproof.synth.http;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.voxproof.consent.token.ConsentTokenException;
import org.voxproof.consent.token.ConsentVerifier;
import org.voxproof.consent.token.StatusSource;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.consent.token.TokenKeySource;
import org.voxproof.consent.token.VerifiedConsent;
import org.voxproof.http.ServiceRouter;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.policy.PolicyConfigException;
import org.voxproof.policy.PolicyEngine;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.ManifestArchive;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.storage.OwnerOnly;
import org.voxproof.synth.LicenseePseudonyms;
import org.voxproof.synth.Synthesizer;
import org.voxproof.synth.engine.EspeakEngine;

/**
 * The synthesis service as {@code voxproof serve} runs it in one process: a {@link Synthesizer} on
 * the data directory's key ring (watermark key, C2PA signer) and ledger, the built-in espeak-ng
 * engine, the default policy and usage rules, licensee pseudonyms under a key kept in {@code
 * <data>/synth/pseudonym.key} (0600); and consent-service's {@link ConsentVerifier} in-process —
 * issuer the server's base URL, the key ring's token keys, and the status of the consent store.
 *
 * <pre>{@code
 * routes.add(SynthService.create(vertx, dataDir, keys, ledger, baseUrl::get, consentStatus));
 * }</pre>
 */
public final class SynthService {
  private static final Logger LOG = Logger.getLogger(SynthService.class.getName());

  /** A status source for a build without a consent store: every token fails closed (503). */
  public static final StatusSource NO_CONSENT_STORE =
      (uri, index) -> {
        throw new StatusUnavailableException("no consent store is configured");
      };

  private SynthService() {}

  /**
   * The {@code POST /v1/synthesize} route for this server.
   *
   * @param issuer the consent tokens' issuer: the server's base URL, known once it listens (null
   *     before: requests then get 503)
   * @param status where a token's current status is read (the consent store's status lists)
   * @throws IOException when the pseudonym key cannot be read or created
   * @throws KeyRingException when the key ring cannot hand out the watermark key or the signer
   * @throws PolicyConfigException when the shipped policy does not load (a build defect)
   */
  public static ServiceRouter create(
      Vertx vertx,
      Path dataDir,
      KeyRing keys,
      ProvenanceLedger ledger,
      Supplier<String> issuer,
      StatusSource status)
      throws IOException, KeyRingException, PolicyConfigException {
    return create(vertx, dataDir, keys, ledger, new LazyVerifier(issuer, keys, status));
  }

  /**
   * The same with another consent check: on a synthesis node of a scaled-out deployment ({@code
   * serve --only synth}), consent-service's {@code ConsentVerifier} against the remote consent
   * service (its JWK set and signed status lists), and {@code ledger} the ledger node's client.
   *
   * @throws IOException when the pseudonym key cannot be read or created
   * @throws KeyRingException when the key ring cannot hand out the watermark key or the signer
   * @throws PolicyConfigException when the shipped policy does not load (a build defect)
   */
  public static ServiceRouter create(
      Vertx vertx, Path dataDir, KeyRing keys, ProvenanceLedger ledger, ConsentCheck consent)
      throws IOException, KeyRingException, PolicyConfigException {
    Path dir = OwnerOnly.createDirectories(dataDir.resolve("synth"));
    Path espeak =
        EspeakEngine.findOnPath()
            .orElseGet(
                () -> {
                  LOG.warning("espeak-ng is not on the PATH: synthesis will answer 503");
                  return Path.of("/usr/bin/espeak-ng");
                });
    Synthesizer synth =
        Synthesizer.builder()
            .policy(PolicyEngine.builder().build())
            .engine(EspeakEngine.builder().executable(espeak).build())
            .watermarkKeys(keys.watermarkKeys())
            .signer(
                ManifestSigner.builder()
                    .keyRing(keys)
                    // the detector's GET /c2pa/v1/manifests/{id} serves these stores
                    .archive(ManifestArchive.open(dataDir.resolve("manifests")))
                    .build())
            .ledger(ledger)
            .pseudonyms(LicenseePseudonyms.openOrCreate(dir.resolve("pseudonym.key")))
            .build();
    return SynthRoutes.create(vertx, synth, consent);
  }

  /** Builds the verifier on first use, once the server's base URL (the issuer) is known. */
  private static final class LazyVerifier implements ConsentCheck {
    private final Supplier<String> issuer;
    private final KeyRing keys;
    private final StatusSource status;
    private volatile ConsentVerifier verifier;

    LazyVerifier(Supplier<String> issuer, KeyRing keys, StatusSource status) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      this.keys = Objects.requireNonNull(keys, "keys");
      this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public VerifiedConsent verify(String token, String audience)
        throws ConsentTokenException, StatusUnavailableException {
      return verifier().verify(token, audience);
    }

    private ConsentVerifier verifier() throws StatusUnavailableException {
      ConsentVerifier v = verifier;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        if (verifier == null) {
          String iss = issuer.get();
          if (iss == null) {
            throw new StatusUnavailableException("the server is still starting");
          }
          verifier =
              ConsentVerifier.builder()
                  .issuer(iss)
                  .keys(TokenKeySource.of(keys))
                  .statusSource(status)
                  .build();
        }
        return verifier;
      }
    }
  }
}
