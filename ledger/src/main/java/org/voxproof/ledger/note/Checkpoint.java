package org.voxproof.ledger.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * SPEC: C2SP tlog-checkpoint: the note body {@code origin\nsize\nbase64(root)\n[extensions]}.
 *
 * @param origin the log identity
 * @param size the tree size
 * @param rootHash the 32-byte root hash
 * @param extensions optional extension lines
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    if (origin.isEmpty()
        || origin.contains("\n")
        || size < 0
        || rootHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("bad checkpoint");
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note body. */
  public String body() {
    StringBuilder sb = new StringBuilder();
    sb.append(origin).append('\n').append(size).append('\n');
    sb.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  /** Parses a checkpoint body (the text of a verified note). */
  public static Checkpoint parse(String body) throws ProofVerificationException {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
      throw malformed("a checkpoint has origin, size and root lines");
    }
    String origin = lines[0];
    if (origin.isEmpty()) {
      throw malformed("empty origin");
    }
    // SPEC: C2SP tlog-checkpoint: tree size in ASCII decimal, no leading zeroes.
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw malformed("bad tree size");
    }
    long size;
    byte[] root;
    try {
      size = Long.parseLong(lines[1]);
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw malformed("bad tree size or root hash encoding");
    }
    if (root.length != MerkleHash.SIZE
        || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw malformed("root hash is not canonical base64 of 32 bytes");
    }
    List<String> ext = new ArrayList<>();
    for (int i = 3; i < lines.length - 1; i++) {
      if (lines[i].isEmpty()) {
        throw malformed("empty extension line");
      }
      ext.add(lines[i]);
    }
    return new Checkpoint(origin, size, root, ext);
  }

  private static ProofVerificationException malformed(String m) {
    return new ProofVerificationException(Reason.MALFORMED, m);
  }
}
