package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.TlogProof;
import org.voxproof.ledger.note.TlogProofVerifier;

/**
 * Against a LIVE Fabric network, when one is configured: {@code VOXPROOF_FABRIC_LIVE} (or {@code
 * -Dvoxproof.fabric.live}) names a {@link FabricConfig} properties file with, besides the
 * connection, {@code mspRoots} (PEM of the channel's MSP roots) and {@code consentSaltKey}.
 * Optional: {@code benchCallers} (default 32), {@code benchSeconds} (default 10). With {@code
 * VOXPROOF_FABRIC_LIVE_PEER_DOWN=1} (a second operator peer stopped by hand) the salted append must
 * fail and write nothing. Without a network every test is skipped, saying so. Figures are printed,
 * never asserted (docs/fabric.md, "Live network").
 */
class FabricLiveIT {
  private static Path config;
  private static Properties props;
  private static FabricLedger ledger;
  private static FabricEvidenceVerifier verifier;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect() throws Exception {
    String file = System.getProperty("voxproof.fabric.live", System.getenv("VOXPROOF_FABRIC_LIVE"));
    if (file == null || file.isBlank()) {
      System.err.println(
          "FabricLiveIT: skipped, no live Fabric network configured (VOXPROOF_FABRIC_LIVE)");
    }
    assumeTrue(
        file != null && !file.isBlank(),
        "no live Fabric network configured (set VOXPROOF_FABRIC_LIVE to a properties file, docs/fabric.md): skipped");
    config = Path.of(file);
    props = new Properties();
    try (Reader r = Files.newBufferedReader(config)) {
      props.load(r);
    }
    ledger = FabricLedger.connect(FabricConfig.load(config));
    verifier = FabricEvidenceVerifier.builder().trustMspRoots(roots()).build();
  }

  @AfterAll
  static void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  private static List<X509Certificate> roots() throws Exception {
    Path pem = config.toAbsolutePath().getParent().resolve(props.getProperty("mspRoots"));
    List<X509Certificate> out = new ArrayList<>();
    try (var in = Files.newInputStream(pem)) {
      CertificateFactory.getInstance("X.509")
          .generateCertificates(in)
          .forEach(c -> out.add((X509Certificate) c));
    }
    return out;
  }

  /** A record whose watermark derives from its id: unique per run and id. */
  static LedgerRecord record(String id, long n) {
    byte[] h =
        org.voxproof.ledger.MerkleHash.sha256(
            (RUN + id + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] mark = java.util.Arrays.copyOf(h, 16);
    return LedgerRecord.synthesis(id, mark, h, h, h, "lic-live", "espeak-ng", Instant.now());
  }

  @Test
  void append_read_idempotent_conflict_evidence() throws Exception {
    LedgerRecord r = record("live-" + RUN + "-1", 1);
    AppendResult a = ledger.append(r);
    assertThat(ledger.append(r)).isEqualTo(new AppendResult(a.index(), true));
    assertThat(ledger.findById(r.id()).orElseThrow().record()).isEqualTo(r);
    assertThat(ledger.findByWatermark(r.watermark()).orElseThrow().index()).isEqualTo(a.index());
    LedgerRecord other = record(r.id(), 2);
    assertThatThrownBy(() -> ledger.append(other))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessage("ID_CONFLICT: id " + r.id() + " is logged with other content");
    FabricEvidence ev = (FabricEvidence) ledger.evidence(r.id());
    VerifiedFabricTransaction t = verifier.verify(ev);
    String out = System.getenv("VOXPROOF_FABRIC_LIVE_VECTOR_OUT");
    if (out != null) {
      RealFabricVector.write(Path.of(out), ev, roots());
    }
    System.out.println(
        "LIVE evidence: block "
            + t.blockNumber()
            + ", endorsed by "
            + t.endorsingMsps()
            + ", ordered by "
            + t.ordererMsps()
            + ", evidence bytes "
            + (ev.transaction().processedTransaction().length
                + ev.transaction().block().length
                + ev.transaction().configBlock().length));
  }

  @Test
  void saltedAppend_oneTransaction_thenErasurePurges() throws Exception {
    assumeTrue(
        System.getenv("VOXPROOF_FABRIC_LIVE_PEER_DOWN") == null,
        "peer-down run: see the other test");
    LedgerRecord r = record("live-" + RUN + "-salted", 3);
    byte[] salt = {1, 2, 3, 4};
    ledger.appendWithConsentSalt(r, salt);
    assertThat(ledger.consentSalt(r.consentCommitment())).hasValue(salt);
    ledger.recordErasure("live-" + RUN + "-erase", r.consentCommitment(), Instant.now());
    assertThat(ledger.consentSalt(r.consentCommitment())).isEmpty();
  }

  @Test
  void saltedAppend_secondOperatorPeerDown_writesNothing() throws Exception {
    assumeTrue(
        System.getenv("VOXPROOF_FABRIC_LIVE_PEER_DOWN") != null,
        "set VOXPROOF_FABRIC_LIVE_PEER_DOWN=1 after stopping the second operator peer to run this");
    LedgerRecord r = record("live-" + RUN + "-down", 4);
    assertThatThrownBy(() -> ledger.appendWithConsentSalt(r, new byte[] {9}))
        .isInstanceOf(LedgerStorageException.class)
        .hasMessageStartingWith("the consent salt could not be handed to 1 other peer(s)");
    assertThat(ledger.findById(r.id())).isEmpty();
    assertThat(ledger.consentSalt(r.consentCommitment())).isEmpty();
  }

  @Test
  void subscribe_replaysFromCheckpoint(@TempDir Path dir) throws Exception {
    LedgerRecord r = record("live-" + RUN + "-event", 5);
    ledger.append(r);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (FileCheckpointer cp = new FileCheckpointer(dir.resolve("cp"));
        AutoCloseable sub = ledger.subscribe(cp, e -> seen.add(e.record().id()))) {
      String id;
      do {
        id = seen.poll(60, TimeUnit.SECONDS);
        assertThat(id).as("replayed event").isNotNull();
      } while (!id.equals(r.id()));
    }
  }

  @Test
  void bench_directAppends() throws Exception {
    int callers = Integer.parseInt(props.getProperty("benchCallers", "32"));
    long seconds = Long.parseLong(props.getProperty("benchSeconds", "10"));
    var counter = new java.util.concurrent.atomic.AtomicLong();
    var failures = new java.util.concurrent.atomic.AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      int caller = c;
      Thread t =
          new Thread(
              () -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                  try {
                    ledger.append(
                        record("bench-" + RUN + "-" + caller + "-" + i, caller * 1_000_000L + i));
                    counter.incrementAndGet();
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    long start =
        System.nanoTime() - (TimeUnit.SECONDS.toNanos(seconds) - (end - System.nanoTime()));
    for (Thread t : threads) {
      t.join();
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "LIVE direct appends: %d callers, %d appends in %.1f s = %.1f appends/s, %d failed%n",
        callers, counter.get(), s, counter.get() / s, failures.get());
    assertThat(counter.get()).isPositive();
  }

  @Test
  void hybrid_anchorsCheckpoints_evidenceVerifies(@TempDir Path dir) throws Exception {
    String origin = "voxproof.live/" + RUN;
    NoteSigner key = Ed25519NoteKeys.generate(origin);
    long seconds = Long.parseLong(props.getProperty("benchSeconds", "10"));
    EmbeddedLedger log = EmbeddedLedger.builder(dir).origin(origin).signer(key).open();
    List<long[]> acks = new ArrayList<>(); // {index, ackNanos}
    List<long[]> anchors = new ArrayList<>(); // {size, seenNanos}
    try (AnchoredLedger hybrid =
        AnchoredLedger.builder()
            .log(log, key.verifier().verifierKey())
            .fabric(FabricConfig.load(config))
            .anchorPeriod(Duration.ofSeconds(1))
            .open()) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      long n = 0;
      long lastSize = 0;
      while (System.nanoTime() < end) {
        for (int b = 0; b < 100; b++, n++) {
          AppendResult a = hybrid.append(record("hyb-" + RUN + "-" + n, n));
          if (n % 50 == 0) {
            acks.add(new long[] {a.index(), System.nanoTime()});
          }
        }
        long size = hybrid.lastAnchor().map(AnchoredLedger.Anchor::size).orElse(0L);
        if (size != lastSize) {
          anchors.add(new long[] {size, System.nanoTime()});
          lastSize = size;
        }
      }
      long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lastSize < n && System.nanoTime() < stop) {
        Thread.sleep(5); // a measurement loop, not a test wait: it samples when anchors land
        long size = hybrid.lastAnchor().map(AnchoredLedger.Anchor::size).orElse(0L);
        if (size != lastSize) {
          anchors.add(new long[] {size, System.nanoTime()});
          lastSize = size;
        }
      }
      List<Double> latencies = new ArrayList<>();
      for (long[] ack : acks) {
        for (long[] anc : anchors) {
          if (anc[0] > ack[0]) {
            latencies.add((anc[1] - ack[1]) / 1e6);
            break;
          }
        }
      }
      latencies.sort(Double::compare);
      System.out.printf(
          "LIVE hybrid: %d appends in %d s (%.0f/s, one writer), %d checkpoints anchored (%.2f/s);"
              + " append->anchored latency ms p50 %.0f p90 %.0f max %.0f (%d samples)%n",
          n,
          seconds,
          n / (double) seconds,
          anchors.size(),
          anchors.size() / (double) seconds,
          pct(latencies, 0.5),
          pct(latencies, 0.9),
          pct(latencies, 1.0),
          latencies.size());
      AnchoredEvidence ev = (AnchoredEvidence) hybrid.evidence("hyb-" + RUN + "-7");
      TlogProofVerifier.builder()
          .origin(origin)
          .trust(key.verifier())
          .build()
          .verifyEntry(ev.tlog().tlogProof(), ev.entry().record().encode());
      verifier.verifyAnchor(ev.anchor(), TlogProof.parse(ev.tlog().tlogProof()).checkpointNote());
    }
  }

  private static double pct(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
  }
}
