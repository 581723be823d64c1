package org.voxproof.chaincode;

import static org.voxproof.chaincode.ChaincodeErrors.BAD_CHECKPOINT;
import static org.voxproof.chaincode.ChaincodeErrors.BAD_REQUEST;
import static org.voxproof.chaincode.ChaincodeErrors.CHECKPOINT_FORK;
import static org.voxproof.chaincode.ChaincodeErrors.LOG_KEY_MISMATCH;
import static org.voxproof.chaincode.ChaincodeErrors.NOT_FOUND;
import static org.voxproof.chaincode.ChaincodeErrors.STALE_CHECKPOINT;
import static org.voxproof.chaincode.ChaincodeErrors.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.merkle.MerkleVerifier;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.ledger.note.SignedNote;

/**
 * Checkpoints of an embedded VoxProof log anchored on the channel (the hybrid backend). Every
 * endorsing peer checks, before it signs, that the checkpoint is signed by the log's key
 * (registered with the log's first anchor) and that it extends the last anchored checkpoint (RFC
 * 9162 consistency proof). Under a consortium endorsement policy no operator can then anchor two
 * histories: the anchored heads of a log form one chain that every member endorsed.
 *
 * <p>State: {@code anchor-head:<hex origin>} = {@code verifierKey \n txId \n note}, and one {@code
 * anchor:<hex origin>:<16 hex size>} = {@code txId \n note} per anchored size (range-queried by
 * {@link #anchored}). Event {@value #EVENT}: the note text, UTF-8.
 */
public final class CheckpointAnchors {
  /** Chaincode event name of every anchored checkpoint; the payload is the signed note. */
  public static final String EVENT = "voxproof.checkpoint";

  private static final int MAX_NOTE = 16 * 1024;

  /**
   * Anchors {@code note}, a signed checkpoint of the log whose verifier key is {@code verifierKey},
   * with the consistency proof (base64 hashes, comma-separated) from the last anchored size. The
   * same checkpoint again returns the first answer.
   */
  public String anchor(ChaincodeStub stub, String verifierKey, String note, String proof) {
    if (note.length() > MAX_NOTE) {
      throw fail(BAD_CHECKPOINT, "checkpoint note too long");
    }
    Checkpoint cp = open(verifierKey, note);
    String origin = hex(cp.origin());
    byte[] headValue = stub.getState(headKey(origin));
    if (headValue != null && headValue.length > 0) {
      String[] head = split(headValue, 3);
      if (!head[0].equals(verifierKey)) {
        throw fail(LOG_KEY_MISMATCH, "this log anchors with another key");
      }
      Checkpoint last = open(head[0], head[2]);
      if (cp.size() == last.size() && Arrays.equals(cp.rootHash(), last.rootHash())) {
        return answer(head[1], head[2], true);
      }
      if (cp.size() <= last.size()) {
        throw fail(
            cp.size() < last.size() ? STALE_CHECKPOINT : CHECKPOINT_FORK,
            "size " + cp.size() + " does not extend the anchored size " + last.size());
      }
      extend(last, cp, proof);
    }
    String txId = stub.getTxId();
    stub.putState(headKey(origin), utf8(verifierKey + "\n" + txId + "\n" + note));
    stub.putState(anchorKey(origin, cp.size()), utf8(txId + "\n" + note));
    stub.setEvent(EVENT, utf8(note));
    return answer(txId, note, false);
  }

  /** The first anchored checkpoint of {@code origin} whose size covers entry {@code index}. */
  public String anchored(ChaincodeStub stub, String origin, String index) {
    long i = number(index);
    String o = hex(origin);
    QueryResultsIterator<KeyValue> it =
        stub.getStateByRange(anchorKey(o, i + 1), "anchor:" + o + ";");
    try {
      Iterator<KeyValue> next = it.iterator();
      if (!next.hasNext()) {
        throw fail(NOT_FOUND, "no anchored checkpoint covers entry " + index + " yet");
      }
      String[] v = split(next.next().getValue(), 2);
      return answer(v[0], v[1], true);
    } finally {
      close(it);
    }
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // a query iterator that fails to close has nothing left to lose
    }
  }

  /** The last anchored checkpoint of {@code origin}. */
  public String head(ChaincodeStub stub, String origin) {
    byte[] v = stub.getState(headKey(hex(origin)));
    if (v == null || v.length == 0) {
      throw fail(NOT_FOUND, "nothing anchored for this log");
    }
    String[] head = split(v, 3);
    return answer(head[1], head[2], true);
  }

  private static Checkpoint open(String verifierKey, String note) {
    try {
      NoteVerifier key = Ed25519NoteKeys.parseVerifierKey(verifierKey);
      return Checkpoint.parse(SignedNote.open(note, List.of(key)).body());
    } catch (ProofVerificationException | IllegalArgumentException e) {
      throw fail(BAD_CHECKPOINT, "not a checkpoint signed by the log's key: " + e.getMessage());
    }
  }

  private static void extend(Checkpoint last, Checkpoint next, String proof) {
    List<byte[]> hashes = new ArrayList<>();
    try {
      for (String h : proof.isEmpty() ? new String[0] : proof.split(",", -1)) {
        hashes.add(Base64.getDecoder().decode(h));
      }
      if (last.size() > 0) {
        // SPEC: RFC 9162 §2.1.4.2: the anchored tree is a prefix of the new one.
        MerkleVerifier.verifyConsistency(
            last.size(), next.size(), hashes, last.rootHash(), next.rootHash());
      }
    } catch (ProofVerificationException | IllegalArgumentException e) {
      throw fail(CHECKPOINT_FORK, "checkpoint does not extend the anchored one: " + e.getMessage());
    }
  }

  private static String answer(String txId, String note, boolean existing) {
    return "{\"txId\":\""
        + txId
        + "\",\"note\":"
        + Json.quote(note)
        + ",\"existing\":"
        + existing
        + "}";
  }

  private static String headKey(String hexOrigin) {
    return "anchor-head:" + hexOrigin;
  }

  private static String anchorKey(String hexOrigin, long size) {
    return "anchor:" + hexOrigin + ":" + String.format("%016x", size);
  }

  private static String hex(String origin) {
    if (origin.isEmpty() || origin.length() > 256) {
      throw fail(BAD_REQUEST, "bad log origin");
    }
    return HexFormat.of().formatHex(utf8(origin));
  }

  private static long number(String s) {
    if (!s.matches("0|[1-9][0-9]{0,17}")) {
      throw fail(BAD_REQUEST, "bad entry index");
    }
    return Long.parseLong(s);
  }

  private static String[] split(byte[] value, int parts) {
    return new String(value, StandardCharsets.UTF_8).split("\n", parts);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
