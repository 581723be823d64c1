package org.voxproof.ledger.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.RecordKind;
import org.voxproof.ledger.merkle.HashTree;

/**
 * The in-memory view of the log: complete-subtree hashes, frame offsets, and the id, watermark and
 * consent-commitment indexes (rebuilt from the log at open). One writer sequences and publishes;
 * readers see only published entries.
 */
final class LogState {
  final HashTree tree = new HashTree();
  private final LongArray offsets = new LongArray();
  private final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> watermarks = new ConcurrentHashMap<>();
  // consent commitment (hex) -> indexes of every record carrying it, ascending (copy on write)
  private final ConcurrentHashMap<String, long[]> commitments = new ConcurrentHashMap<>();
  private final List<LedgerRecord> staged = new ArrayList<>();
  private final List<byte[]> stagedLeaves = new ArrayList<>();
  private long pending;

  /** The outcome of sequencing one record. */
  sealed interface Outcome permits Added, Duplicate, Conflict {}

  record Added(long index) implements Outcome {}

  record Duplicate(long index) implements Outcome {}

  record Conflict(String reason) implements Outcome {}

  /** Writer only: gives the record the next index unless its id or watermark is taken. */
  Outcome sequence(LedgerRecord r, byte[] leaf, long offset) {
    Long existing = ids.get(r.id());
    if (existing != null) {
      return Arrays.equals(leafOf(existing), leaf)
          ? new Duplicate(existing)
          : new Conflict("id " + r.id() + " is logged with other content");
    }
    if (r.kind() == RecordKind.SYNTHESIS && watermarks.containsKey(r.watermarkHex())) {
      return new Conflict("watermark " + r.watermarkHex() + " is taken");
    }
    long index = pending++;
    ids.put(r.id(), index);
    if (r.kind() == RecordKind.SYNTHESIS) {
      watermarks.put(r.watermarkHex(), index);
    }
    if (r.consentCommitment().length > 0) {
      commitments.merge(commitmentKey(r), new long[] {index}, LogState::concat);
    }
    tree.append(leaf);
    offsets.add(offset);
    staged.add(r);
    stagedLeaves.add(leaf);
    return new Added(index);
  }

  /** Writer only: makes every sequenced record visible. */
  void publish() {
    tree.publish();
    staged.clear();
    stagedLeaves.clear();
  }

  /** Writer only: forgets records sequenced since the last publish. */
  void rollback() {
    for (LedgerRecord r : staged) {
      ids.remove(r.id());
      if (r.kind() == RecordKind.SYNTHESIS) {
        watermarks.remove(r.watermarkHex());
      }
      if (r.consentCommitment().length > 0) {
        commitments.computeIfPresent(commitmentKey(r), (k, v) -> dropLast(v));
      }
    }
    tree.rollback();
    pending = tree.size();
    offsets.truncate(pending);
    staged.clear();
    stagedLeaves.clear();
  }

  /** Writer only: the next index. */
  long pending() {
    return pending;
  }

  long size() {
    return tree.size();
  }

  long offset(long index) {
    return offsets.get(index);
  }

  Optional<Long> byId(String id) {
    long size = size();
    Long i = ids.get(id);
    return i != null && i < size ? Optional.of(i) : Optional.empty();
  }

  Optional<Long> byWatermark(String hex) {
    long size = size();
    Long i = watermarks.get(hex);
    return i != null && i < size ? Optional.of(i) : Optional.empty();
  }

  /** Published indexes of the records carrying this commitment (hex), ascending. */
  List<Long> byCommitment(String hex) {
    long size = size();
    long[] all = commitments.getOrDefault(hex, new long[0]);
    List<Long> out = new ArrayList<>(all.length);
    for (long i : all) {
      if (i < size) {
        out.add(i);
      }
    }
    return out;
  }

  private static String commitmentKey(LedgerRecord r) {
    return java.util.HexFormat.of().formatHex(r.consentCommitment());
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static long[] dropLast(long[] a) {
    return a.length <= 1 ? null : Arrays.copyOf(a, a.length - 1);
  }

  private byte[] leafOf(long index) {
    long published = tree.size();
    return index < published ? tree.leafHash(index) : stagedLeaves.get((int) (index - published));
  }

  static byte[] leaf(byte[] encoded) {
    return MerkleHash.leaf(encoded);
  }
}
