package org.voxproof.consent.api;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.voxproof.consent.checks.ConsentChecks;
import org.voxproof.consent.checks.Fingerprint;
import org.voxproof.consent.store.ConsentStore;
import org.voxproof.consent.token.StatusSource;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.http.ServiceRouter;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.storage.OwnerOnly;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageException;

/**
 * The consent service as the app mounts it when its public URL (the tokens' issuer) is known only
 * once the server listens: the store opens at once; the service is built on first use.
 *
 * <pre>{@code
 * ConsentModule consent = ConsentModule.open(db, keys, ledger, checks, FingerprintMatch::matches,
 *     baseUrl::get, c -> c);
 * routes.add(consent.routes(vertx));           // resolvers: consent.resolvers()
 * synth status source: consent.statusSource(); detector: consent::statusOfCommitment
 * }</pre>
 */
public final class ConsentModule {
  /** The fingerprint key's file under the data directory (0600). */
  public static final String FINGERPRINT_KEY_FILE = "consent/fingerprint.key";

  private final ConsentStore store;
  private final KeyRing ring;
  private final ProvenanceLedger ledger;
  private final ConsentChecks checks;
  private final BiPredicate<Fingerprint, Fingerprint> sameRecording;
  private final Supplier<String> issuer;
  private final UnaryOperator<ConsentConfig> tune;
  private final List<VoiceErased.Listener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile ConsentService service;

  private ConsentModule(
      ConsentStore store,
      KeyRing ring,
      ProvenanceLedger ledger,
      ConsentChecks checks,
      BiPredicate<Fingerprint, Fingerprint> sameRecording,
      Supplier<String> issuer,
      UnaryOperator<ConsentConfig> tune) {
    this.store = store;
    this.ring = ring;
    this.ledger = ledger;
    this.checks = checks;
    this.sameRecording = sameRecording;
    this.issuer = issuer;
    this.tune = tune;
  }

  /**
   * Opens the consent store on {@code db} (migrating it) with the ring's data keys.
   *
   * @param issuer the public base URL, null until known
   * @param tune changes to {@link ConsentConfig#defaults} (window, minimum assurance, ...)
   */
  public static ConsentModule open(
      Storage db,
      KeyRing ring,
      ProvenanceLedger ledger,
      ConsentChecks checks,
      BiPredicate<Fingerprint, Fingerprint> sameRecording,
      Supplier<String> issuer,
      UnaryOperator<ConsentConfig> tune)
      throws StorageException, KeyRingException {
    return new ConsentModule(
        ConsentStore.open(db, ring.dataKeys()),
        Objects.requireNonNull(ring),
        Objects.requireNonNull(ledger),
        Objects.requireNonNull(checks),
        Objects.requireNonNull(sameRecording),
        Objects.requireNonNull(issuer),
        Objects.requireNonNull(tune));
  }

  /**
   * The stable secret the checks key fingerprint hashes with: {@value #FINGERPRINT_KEY_FILE} in the
   * data directory, 32 random bytes made on first use (0600).
   */
  public static byte[] fingerprintKey(Path dataDir) throws IOException {
    Path f = dataDir.resolve(FINGERPRINT_KEY_FILE);
    if (!Files.exists(f)) {
      OwnerOnly.createDirectories(f.getParent());
      byte[] k = new byte[32];
      new SecureRandom().nextBytes(k);
      Path tmp = f.resolveSibling("fingerprint.key.tmp");
      OwnerOnly.write(
          tmp, HexFormat.of().formatHex(k).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      try {
        Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp); // another process made it first
      }
    }
    String hex = Files.readString(f).strip();
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IOException(FINGERPRINT_KEY_FILE + " is damaged");
    }
    return HexFormat.of().parseHex(hex);
  }

  /** Told of every erasure (the routes also publish it on the event bus). */
  public void onErasure(VoiceErased.Listener l) {
    listeners.add(Objects.requireNonNull(l));
  }

  /** The consent routes. */
  public ServiceRouter routes(Vertx vertx) {
    onErasure(ConsentRoutes.publisher(vertx));
    ConsentConfig c = tune.apply(ConsentConfig.defaults("http://localhost"));
    return ConsentRoutes.create(vertx, this::service, c.maxAudioBytes());
  }

  /**
   * The internal route the detector node of a scaled-out deployment reads consent status and
   * disclosures by ({@code GET /internal/v1/consent/commitments/{hex}}, service keys only; {@link
   * CommitmentClient} is its client).
   */
  public ServiceRouter serviceRoutes(Vertx vertx) {
    return CommitmentRoutes.create(vertx, this);
  }

  /** The owner secrets' and invitations' resolvers, for {@code BearerAuth}. */
  public List<BearerResolver> resolvers() {
    return OwnerCredentials.resolvers(store);
  }

  /** The status lists, for the in-process {@code ConsentVerifier}; fails closed before start. */
  public StatusSource statusSource() {
    return (uri, index) -> service().statusLists().status(uri, index);
  }

  /**
   * The consent status now of a commitment ({@code active}, {@code revoked}, {@code expired},
   * {@code erased}), empty when unknown — for the detector.
   */
  public Optional<String> statusOfCommitment(byte[] commitment) throws Exception {
    return service().statusOfCommitment(commitment);
  }

  /**
   * Who is behind a commitment — the licensee organisation and the consent id — for the detector's
   * investigator view only (police with a recorded legal basis); empty when unknown. After erasure
   * the licensee is still known (it is the licensee's, not the owner's, data).
   */
  public Optional<ConsentService.Disclosed> disclosureOfCommitment(byte[] commitment)
      throws Exception {
    return service().disclosureOfCommitment(commitment);
  }

  /** The service, built once the issuer is known. */
  public ConsentService service() throws StatusUnavailableException {
    ConsentService s = service;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (service == null) {
        String iss = issuer.get();
        if (iss == null) {
          throw new StatusUnavailableException("the server is still starting");
        }
        ConsentService made =
            new ConsentService(
                store,
                checks,
                ring,
                ledger,
                tune.apply(ConsentConfig.defaults(iss)),
                Clock.systemUTC(),
                sameRecording);
        made.onErasure(e -> listeners.forEach(l -> l.erased(e)));
        service = made;
      }
      return service;
    }
  }
}
