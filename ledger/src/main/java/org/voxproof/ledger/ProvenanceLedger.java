package org.voxproof.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The provenance ledger: an append-only log of {@link LedgerRecord}s. Backends: the embedded Merkle
 * log ({@link org.voxproof.ledger.embedded.EmbeddedLedger}); in module ledger-fabric, Hyperledger
 * Fabric ({@code FabricLedger}) and the embedded log with checkpoints anchored on a Fabric channel
 * ({@code AnchoredLedger}). Every method may block on disk or network: call it from a worker
 * thread, never from an event loop.
 */
public interface ProvenanceLedger extends AutoCloseable {
  /** The log's identity (the checkpoint origin, or the Fabric channel and chaincode). */
  String origin();

  /**
   * Appends a record and returns once it is durable. Idempotent on {@link LedgerRecord#id()}: the
   * same record again returns its first index.
   *
   * @throws LedgerConflictException the id exists with other content, or the watermark is taken
   */
  AppendResult append(LedgerRecord record) throws LedgerException;

  /** Like {@link #append} without blocking the caller; completes once durable. */
  CompletionStage<AppendResult> appendAsync(LedgerRecord record);

  /** The record with this manifest id (or audit event id). */
  Optional<LedgerEntry> findById(String id) throws LedgerException;

  /** The synthesis record carrying this watermark payload. */
  Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException;

  /**
   * Every record carrying this consent commitment (syntheses, revocation, erasure), in log order:
   * what a voice's owner sees as its uses.
   *
   * @throws LedgerUnsupportedException when this backend cannot search by commitment
   */
  default List<LedgerEntry> findByCommitment(byte[] consentCommitment) throws LedgerException {
    throw new LedgerUnsupportedException("this ledger cannot search by consent commitment");
  }

  /** The entry at {@code index}; {@link LedgerNotFoundException} beyond the end. */
  LedgerEntry entry(long index) throws LedgerException;

  /** The latest signed head. */
  SignedCheckpoint latestCheckpoint() throws LedgerException;

  /** Inclusion proof of {@code index} in the tree of {@code treeSize}. */
  InclusionProof inclusionProof(long index, long treeSize) throws LedgerException;

  /** Consistency proof between two tree sizes. */
  ConsistencyProof consistencyProof(long fromSize, long toSize) throws LedgerException;

  /** Offline-verifiable evidence that the record with this id is in the ledger. */
  LedgerEvidence evidence(String id) throws LedgerException;

  /** Logs the erasure of the voice whose consent carries this commitment. */
  default AppendResult recordErasure(String eventId, byte[] consentCommitment, Instant time)
      throws LedgerException {
    return append(LedgerRecord.erasure(eventId, consentCommitment, time));
  }

  @Override
  void close() throws LedgerException;
}
