package org.voxproof.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.ConsistencyProof;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.TlogProofEvidence;
import org.voxproof.ledger.merkle.MerkleVerifier;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.SignedNote;
import org.voxproof.ledger.note.TlogProof;

/**
 * The hybrid backend: outputs go to a local Merkle log (the embedded ledger, ~10^4–10^5 durable
 * appends a second); every checkpoint period (default 1 s) its latest signed checkpoint is anchored
 * on a Fabric channel by the chaincode's {@code Anchor}, which every endorsing organisation runs:
 * it checks the log's signature and that the checkpoint extends the last anchored one (RFC 9162
 * consistency). Under a consortium endorsement policy the bank, an auditor and a regulator each
 * endorse the log head, so the operator cannot show different histories to different parties.
 * Evidence ({@link AnchoredEvidence}) is the tlog proof against an anchored checkpoint plus the
 * Fabric transaction that anchored it; both verify offline.
 *
 * <p>At start the channel's last anchored checkpoint of this log must be consistent with the local
 * log, or {@link LedgerCorruptException}: a local log that lost or rewrote anchored entries never
 * starts.
 */
public final class AnchoredLedger implements ProvenanceLedger {
  /** Chaincode event name of an anchored checkpoint; the payload is the signed note. */
  public static final String EVENT = "voxproof.checkpoint";

  private static final Logger LOG = Logger.getLogger(AnchoredLedger.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProvenanceLedger log;
  private final String verifierKey;
  private final FabricSession session;
  private final ScheduledExecutorService anchorer;
  private final ScheduledFuture<?> task;
  private volatile Anchor last;

  /** A checkpoint anchored on the channel: its size, the anchoring transaction and its block. */
  public record Anchor(long size, String transactionId, long blockNumber, String note) {}

  private AnchoredLedger(Builder b, FabricSession session) throws LedgerException {
    this.log = b.log;
    this.verifierKey = b.verifierKey;
    this.session = session;
    this.last = channelHead();
    this.anchorer =
        Executors.newSingleThreadScheduledExecutor(r -> FabricLedger.daemon(r, "anchor"));
    long ms = b.period().toMillis();
    this.task = anchorer.scheduleAtFixedRate(this::anchorQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: the log, its verifier key and the Fabric connection are required. */
  public static final class Builder {
    private ProvenanceLedger log;
    private String verifierKey;
    private Duration period;
    private FabricConfig config;
    private FabricSession session;

    private Builder() {}

    /** The local Merkle log (normally the embedded ledger); closed with this ledger. */
    public Builder log(ProvenanceLedger log, String noteVerifierKey) {
      this.log = Objects.requireNonNull(log);
      this.verifierKey = Objects.requireNonNull(noteVerifierKey);
      return this;
    }

    /**
     * How often the latest checkpoint is anchored (default: the config's {@code
     * anchorPeriodMillis}, else 1 s).
     */
    public Builder anchorPeriod(Duration period) {
      if (period.toMillis() < 10) {
        throw new IllegalArgumentException("anchor period must be at least 10 ms");
      }
      this.period = period;
      return this;
    }

    /** The channel, as configured ({@link FabricConfig}). */
    public Builder fabric(FabricConfig c) {
      this.config = Objects.requireNonNull(c);
      return this;
    }

    /** The channel over a caller-managed gRPC channel (tests, custom transports). */
    public Builder fabric(Channel grpc, Identity id, Signer signer, String channel, String cc) {
      this.session = FabricSession.over(grpc, id, signer, channel, cc);
      return this;
    }

    private Duration period() {
      if (period != null) {
        return period;
      }
      return config != null ? config.anchorPeriod() : FabricConfig.DEFAULT_ANCHOR_PERIOD;
    }

    public AnchoredLedger open() throws LedgerException {
      if (log == null || (config == null && session == null)) {
        throw new IllegalStateException("AnchoredLedger needs a log and a Fabric channel");
      }
      FabricSession s = session != null ? session : FabricSession.connect(config);
      try {
        return new AnchoredLedger(this, s);
      } catch (LedgerException | RuntimeException e) {
        s.close();
        throw e;
      }
    }
  }

  /**
   * Anchors the log's latest checkpoint now if it grew since the last anchor; returns the last
   * anchor (empty while nothing is anchored).
   */
  public synchronized Optional<Anchor> anchorNow() throws LedgerException {
    SignedCheckpoint cp = log.latestCheckpoint();
    Anchor prev = last;
    if (cp.size() == 0 || (prev != null && cp.size() <= prev.size())) {
      return Optional.ofNullable(prev);
    }
    String proof = "";
    if (prev != null) {
      ConsistencyProof c = log.consistencyProof(prev.size(), cp.size());
      proof =
          c.hashes().stream()
              .map(h -> Base64.getEncoder().encodeToString(h))
              .collect(Collectors.joining(","));
    }
    FabricSession.Committed c = session.submit("Anchor", Map.of(), verifierKey, cp.note(), proof);
    JsonNode answer = json(c.result());
    long block =
        answer.path("existing").asBoolean()
            ? session.blockOf(answer.path("txId").asText())
            : c.blockNumber();
    last = new Anchor(cp.size(), answer.path("txId").asText(), block, answer.path("note").asText());
    notifyAll();
    return Optional.of(last);
  }

  /** The last checkpoint anchored by this process or found on the channel at start. */
  public Optional<Anchor> lastAnchor() {
    return Optional.ofNullable(last);
  }

  /**
   * Waits until a checkpoint of at least {@code size} entries is anchored (by the periodic
   * anchoring or {@link #anchorNow()}), for callers that want consortium finality before they go
   * on; empty if none is within {@code timeout}.
   */
  public synchronized Optional<Anchor> awaitAnchored(long size, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (last == null || last.size() < size) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return Optional.of(last);
  }

  /** Where this log is anchored: {@code channel/chaincode}. */
  public String anchoredOn() {
    return session.channel() + "/" + session.chaincode();
  }

  private void anchorQuietly() {
    try {
      anchorNow();
    } catch (LedgerException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "anchoring the checkpoint failed; retrying next period: " + e.getMessage());
    }
  }

  /** Reads the channel's last anchor of this log and checks the local log extends it. */
  private Anchor channelHead() throws LedgerException {
    JsonNode head;
    try {
      head = json(session.evaluate("AnchorHead", log.origin()));
    } catch (LedgerNotFoundException e) {
      return null;
    }
    String note = head.path("note").asText();
    Checkpoint anchored;
    try {
      anchored =
          Checkpoint.parse(
              SignedNote.open(note, List.of(Ed25519NoteKeys.parseVerifierKey(verifierKey))).body());
    } catch (ProofVerificationException e) {
      throw new LedgerCorruptException(
          "the channel's anchor of this log is not signed by its key", e);
    }
    SignedCheckpoint local = log.latestCheckpoint();
    try {
      if (anchored.size() > local.size()) {
        throw new ProofVerificationException(
            ProofVerificationException.Reason.SIZE_MISMATCH, "the local log is shorter");
      }
      List<byte[]> proof =
          anchored.size() == local.size()
              ? List.of()
              : log.consistencyProof(anchored.size(), local.size()).hashes();
      MerkleVerifier.verifyConsistency(
          anchored.size(), local.size(), proof, anchored.rootHash(), local.rootHash());
    } catch (ProofVerificationException e) {
      throw new LedgerCorruptException(
          "the local log does not extend the checkpoint anchored on the channel at size "
              + anchored.size()
              + ": "
              + e.getMessage(),
          e);
    }
    String txId = head.path("txId").asText();
    return new Anchor(anchored.size(), txId, session.blockOf(txId), note);
  }

  @Override
  public LedgerEvidence evidence(String id) throws LedgerException {
    LedgerEntry entry =
        log.findById(id).orElseThrow(() -> new LedgerNotFoundException("no record " + id));
    JsonNode anchor = covering(entry.index());
    String note = anchor.path("note").asText();
    long size;
    try {
      size = Checkpoint.parse(SignedNote.parse(note).body()).size();
    } catch (ProofVerificationException e) {
      throw new LedgerStorageException("unreadable anchored checkpoint", e);
    }
    InclusionProof p = log.inclusionProof(entry.index(), size);
    String tlog = new TlogProof(null, entry.index(), p.hashes(), note).text();
    return new AnchoredEvidence(
        new TlogProofEvidence(entry, tlog), session.proof(anchor.path("txId").asText()));
  }

  /** The first anchored checkpoint covering {@code index}; anchors now if none does yet. */
  private JsonNode covering(long index) throws LedgerException {
    try {
      return json(session.evaluate("Anchored", log.origin(), Long.toString(index)));
    } catch (LedgerNotFoundException e) {
      anchorNow();
      return json(session.evaluate("Anchored", log.origin(), Long.toString(index)));
    }
  }

  @Override
  public String origin() {
    return log.origin();
  }

  @Override
  public AppendResult append(LedgerRecord record) throws LedgerException {
    return log.append(record);
  }

  @Override
  public CompletionStage<AppendResult> appendAsync(LedgerRecord record) {
    return log.appendAsync(record);
  }

  @Override
  public Optional<LedgerEntry> findById(String id) throws LedgerException {
    return log.findById(id);
  }

  @Override
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    return log.findByWatermark(payload);
  }

  @Override
  public List<LedgerEntry> findByCommitment(byte[] consentCommitment) throws LedgerException {
    return log.findByCommitment(consentCommitment);
  }

  @Override
  public LedgerEntry entry(long index) throws LedgerException {
    return log.entry(index);
  }

  @Override
  public SignedCheckpoint latestCheckpoint() throws LedgerException {
    return log.latestCheckpoint();
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) throws LedgerException {
    return log.inclusionProof(index, treeSize);
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) throws LedgerException {
    return log.consistencyProof(fromSize, toSize);
  }

  /** Stops the periodic anchoring, anchors the final checkpoint, closes the log and the channel. */
  @Override
  public void close() throws LedgerException {
    task.cancel(false);
    anchorer.shutdown();
    try {
      anchorer.awaitTermination(1, TimeUnit.MINUTES);
      anchorNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.close();
      log.close();
    }
  }

  private static JsonNode json(byte[] answer) throws LedgerStorageException {
    try {
      return JSON.readTree(answer);
    } catch (IOException e) {
      throw new LedgerStorageException("unreadable chaincode answer", e);
    }
  }
}
