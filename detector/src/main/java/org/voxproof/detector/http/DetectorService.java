package org.voxproof.detector.http;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.voxproof.detector.ConsentStatus;
import org.voxproof.detector.DetectorException;
import org.voxproof.detector.Disclosures;
import org.voxproof.detector.EvidenceIssuer;
import org.voxproof.detector.ProvenanceDetector;
import org.voxproof.detector.batch.BatchLimits;
import org.voxproof.detector.jobs.JobStore;
import org.voxproof.http.ServiceRouter;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.provenance.EvidenceSigner;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.provenance.ManifestArchive;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.storage.OwnerOnly;
import org.voxproof.watermark.WatermarkKey;

/**
 * The detector's HTTP surface as one service: {@code POST /v1/detect} ({@link DetectorRoutes}),
 * {@code POST /v1/detect/batch} and {@code GET /v1/jobs/{id}} ({@link BatchRoutes}), and the C2PA
 * Soft Binding Resolution API under {@code /c2pa/v1/} ({@link SoftBindingRoutes}). Built once per
 * process; {@link #close()} stops the batch workers (unfinished jobs resume on the next start).
 *
 * <pre>{@code
 * DetectorService detector =
 *     DetectorService.builder().keyRing(ring).ledger(ledger).dataDir(dir).build();
 * Router root = ApiRouter.create(vertx, auth, problems, List.of(..., detector.router(vertx)));
 * }</pre>
 */
public final class DetectorService implements AutoCloseable {
  final ProvenanceDetector detector;
  final ProvenanceLedger ledger;
  final EvidenceIssuer evidence;
  final Disclosures disclosures;
  final ManifestArchive archive;
  final KeyRateLimits detectLimits;
  final KeyRateLimits resolveLimits;
  final long maxFileBytes;
  final BatchLimits batchLimits;
  final Path uploads;
  final int workers;
  final Clock clock;
  final JobStore jobs;

  private DetectorService(Builder b) throws IOException {
    this.detector = Objects.requireNonNull(b.detector, "detector");
    this.ledger = Objects.requireNonNull(b.ledger, "ledger");
    this.evidence = Objects.requireNonNull(b.evidence, "evidence");
    this.disclosures = b.disclosures;
    this.archive = Objects.requireNonNull(b.archive, "archive");
    this.detectLimits = b.detectLimits;
    this.resolveLimits = b.resolveLimits;
    this.maxFileBytes = b.maxFileBytes;
    this.batchLimits = b.batchLimits;
    this.workers = b.workers;
    this.clock = b.clock;
    Path dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
    this.uploads = dataDir.resolve("detector-uploads");
    OwnerOnly.createDirectories(uploads);
    this.jobs =
        JobStore.open(
            dataDir.resolve("jobs"), new BatchProcessor(this), Math.max(1, workers / 2 + 1));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every detector route in one router, with the detector's problem map. */
  public ServiceRouter router(Vertx vertx) {
    ServiceRouter s = ServiceRouter.create(vertx, DetectorProblems.PROBLEMS);
    DetectorRoutes.mount(vertx, s.router(), this);
    BatchRoutes.mount(vertx, s.router(), this);
    SoftBindingRoutes.mount(vertx, s.router(), this);
    return s;
  }

  /** The job store behind the batch routes. */
  public JobStore jobs() {
    return jobs;
  }

  /** Stops the batch workers; jobs not finished resume when the store is opened again. */
  @Override
  public void close() {
    jobs.close();
  }

  /** Builder: a detector, ledger, evidence issuer, manifest archive and data directory. */
  public static final class Builder {
    private ProvenanceDetector detector;
    private ProvenanceLedger ledger;
    private EvidenceIssuer evidence;
    private Disclosures disclosures = Disclosures.NONE;
    private ConsentStatus.Source consent = c -> ConsentStatus.UNKNOWN;
    private ManifestArchive archive;
    private KeyRing ring;
    private KeyRateLimits detectLimits = KeyRateLimits.of(10, 60, "detect");
    private KeyRateLimits resolveLimits = KeyRateLimits.of(20, 100, "c2pa");
    private long maxFileBytes = 64L << 20;
    private BatchLimits batchLimits = new BatchLimits(1000, 64L << 20, 1L << 30, 100);
    private Path dataDir;
    private int workers = Runtime.getRuntime().availableProcessors();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Everything from the operator's key ring: a detector trusting its root and trying its current
     * and retired watermark keys, evidence signed by its evidence signer, and (with {@link
     * #dataDir}) the manifest archive in {@code <data>/manifests}. Call after {@link #ledger}.
     */
    public Builder keyRing(KeyRing ring) {
      this.ring = Objects.requireNonNull(ring);
      return this;
    }

    public Builder detector(ProvenanceDetector d) {
      this.detector = d;
      return this;
    }

    public Builder ledger(ProvenanceLedger l) {
      this.ledger = l;
      return this;
    }

    public Builder evidence(EvidenceIssuer e) {
      this.evidence = e;
      return this;
    }

    /** Who a police key learns is behind a record (default: nobody; pseudonym only). */
    public Builder disclosures(Disclosures d) {
      this.disclosures = Objects.requireNonNull(d);
      return this;
    }

    /** The consent status source for a detector built from the key ring (default: unknown). */
    public Builder consentStatus(ConsentStatus.Source s) {
      this.consent = Objects.requireNonNull(s);
      return this;
    }

    public Builder archive(ManifestArchive a) {
      this.archive = a;
      return this;
    }

    /** Per-key limits of {@code POST /v1/detect} and {@code /v1/detect/batch}. */
    public Builder detectLimits(KeyRateLimits l) {
      this.detectLimits = Objects.requireNonNull(l);
      return this;
    }

    /** Per-key (or per-address) limits of the soft-binding resolution routes. */
    public Builder resolveLimits(KeyRateLimits l) {
      this.resolveLimits = Objects.requireNonNull(l);
      return this;
    }

    /** The largest single upload (default 64 MiB). */
    public Builder maxFileBytes(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxFileBytes must be >= 1");
      }
      this.maxFileBytes = n;
      return this;
    }

    public Builder batchLimits(BatchLimits l) {
      this.batchLimits = Objects.requireNonNull(l);
      return this;
    }

    /** Where uploads are staged and batch jobs kept ({@code jobs/}, {@code detector-uploads/}). */
    public Builder dataDir(Path d) {
      this.dataDir = d;
      return this;
    }

    /** Detection threads (default: the cores). */
    public Builder workers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("workers must be >= 1");
      }
      this.workers = n;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    public DetectorService build() throws IOException, KeyRingException {
      if (ring != null) {
        fromRing();
      }
      return new DetectorService(this);
    }

    private void fromRing() throws IOException, KeyRingException {
      Objects.requireNonNull(ledger, "keyRing(...) needs ledger(...) first");
      if (detector == null) {
        detector =
            ProvenanceDetector.builder()
                .manifestVerifier(
                    ManifestVerifier.builder().trustAnchor(ring.rootCertificate()).build())
                .watermarkKeys(watermarkKeys(ring))
                .ledger(ledger)
                .consentStatus(consent)
                .build();
      }
      if (evidence == null) {
        String key = ring.checkpointSigner(ledger.origin()).verifier().verifierKey();
        evidence =
            new EvidenceIssuer(EvidenceSigner.builder().keyRing(ring).build(), ledger, key, clock);
      }
      if (archive == null && dataDir != null) {
        archive = ManifestArchive.open(dataDir.resolve("manifests"));
      }
    }

    /** The ring's keys, asked on every file so a rotation applies; the last good list on error. */
    private static java.util.function.Supplier<List<WatermarkKey>> watermarkKeys(KeyRing ring)
        throws KeyRingException {
      AtomicReference<List<WatermarkKey>> last = new AtomicReference<>(ring.watermarkKeys().all());
      return () -> {
        try {
          last.set(ring.watermarkKeys().all());
        } catch (KeyRingException e) {
          // keep the last list: a transient token error must not hide our marks
        }
        return last.get();
      };
    }
  }

  /** Maps detection failures to problems; see {@link DetectorProblems}. */
  static DetectorException unavailable(String what, Throwable cause) {
    return unavailable("unavailable", what, cause);
  }

  /** A failure of a backing service named by {@code reason} ({@code ledger_unavailable}, ...). */
  static DetectorException unavailable(String reason, String what, Throwable cause) {
    return new DetectorException(reason, what, false, cause);
  }
}
