package org.voxproof.provenance;

import java.util.Arrays;
import java.util.Objects;
import org.voxproof.ledger.AnchoredEvidence;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.TlogProofEvidence;

/**
 * The ledger part of an evidence bundle: the record and the proof that it is in the ledger, one
 * variant per backend (DESIGN.md, "Evidence differs by backend"). Each verifies offline: {@link
 * Tlog} against the log key it names, {@link Fabric} against the channel's MSP roots, {@link
 * Anchored} both ways.
 */
public sealed interface LedgerFindings
    permits LedgerFindings.Tlog, LedgerFindings.Fabric, LedgerFindings.Anchored {
  /** {@code type} of the embedded log's evidence. */
  String TLOG_PROOF = "c2sp.org/tlog-proof@v1";

  /** {@code type} of a record written by a Fabric transaction. */
  String FABRIC_TRANSACTION = "hyperledger-fabric/transaction@v1";

  /** {@code type} of the hybrid's evidence: tlog proof plus the Fabric anchor of its checkpoint. */
  String ANCHORED_TLOG = "voxproof/anchored-tlog@v1";

  /** The evidence type, one of the constants above. */
  String type();

  /** The log identity (checkpoint origin, or {@code fabric:<channel>/<chaincode>}). */
  String origin();

  /** The record's position: log index, or block number on Fabric. */
  long index();

  /** The canonical record bytes. */
  byte[] record();

  /**
   * The findings of any backend's evidence. {@code origin} and {@code verifierKey} are the embedded
   * log's (its checkpoint origin and note verifier key); for Fabric evidence the origin is the
   * ledger's ({@code fabric:<channel>/<chaincode>}) and the key is not used.
   */
  static LedgerFindings of(LedgerEvidence evidence, String origin, String verifierKey) {
    if (evidence instanceof TlogProofEvidence t) {
      return tlog(t, origin, verifierKey);
    }
    if (evidence instanceof FabricEvidence f) {
      return new Fabric(origin, f.entry().index(), f.entry().record().encode(), f.transaction());
    }
    AnchoredEvidence a = (AnchoredEvidence) evidence;
    return new Anchored(tlog(a.tlog(), origin, verifierKey), a.anchor());
  }

  private static Tlog tlog(TlogProofEvidence t, String origin, String verifierKey) {
    return new Tlog(
        origin, t.entry().index(), t.entry().record().encode(), t.tlogProof(), verifierKey);
  }

  /**
   * Embedded log: {@code c2sp.org/tlog-proof@v1} text (index, inclusion proof, signed checkpoint)
   * and the log's note verifier key.
   */
  @SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
  record Tlog(String origin, long index, byte[] record, String proof, String verifierKey)
      implements LedgerFindings {
    public Tlog {
      Objects.requireNonNull(origin);
      if (index < 0) {
        throw new IllegalArgumentException("index must be >= 0");
      }
      record = record.clone();
      Objects.requireNonNull(proof);
      Objects.requireNonNull(verifierKey);
    }

    @Override
    public String type() {
      return TLOG_PROOF;
    }

    @Override
    public byte[] record() {
      return record.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tlog t
          && t.origin.equals(origin)
          && t.index == index
          && Arrays.equals(t.record, record)
          && t.proof.equals(proof)
          && t.verifierKey.equals(verifierKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(origin, index, proof);
    }

    @Override
    public String toString() {
      return "LedgerFindings.Tlog[" + origin + ", index " + index + "]";
    }
  }

  /** Fabric: the transaction that wrote the record, with its block and the channel config. */
  @SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
  record Fabric(String origin, long index, byte[] record, FabricTransactionProof transaction)
      implements LedgerFindings {
    public Fabric {
      Objects.requireNonNull(origin);
      record = record.clone();
      Objects.requireNonNull(transaction);
      if (index != transaction.blockNumber()) {
        throw new IllegalArgumentException("a Fabric record's index is its block number");
      }
    }

    @Override
    public String type() {
      return FABRIC_TRANSACTION;
    }

    @Override
    public byte[] record() {
      return record.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fabric f
          && f.origin.equals(origin)
          && Arrays.equals(f.record, record)
          && f.transaction.equals(transaction);
    }

    @Override
    public int hashCode() {
      return Objects.hash(origin, index, transaction);
    }

    @Override
    public String toString() {
      return "LedgerFindings.Fabric[" + origin + ", block " + index + "]";
    }
  }

  /** Hybrid: the tlog proof against a checkpoint, and the Fabric transaction that anchored it. */
  record Anchored(Tlog tlog, FabricTransactionProof anchor) implements LedgerFindings {
    public Anchored {
      Objects.requireNonNull(tlog);
      Objects.requireNonNull(anchor);
    }

    @Override
    public String type() {
      return ANCHORED_TLOG;
    }

    @Override
    public String origin() {
      return tlog.origin();
    }

    @Override
    public long index() {
      return tlog.index();
    }

    @Override
    public byte[] record() {
      return tlog.record();
    }
  }
}
