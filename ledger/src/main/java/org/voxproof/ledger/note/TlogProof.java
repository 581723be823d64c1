package org.voxproof.ledger.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * SPEC: C2SP tlog-proof: {@code c2sp.org/tlog-proof@v1}, optional {@code extra}, {@code index}, the
 * inclusion proof (one base64 hash a line), an empty line, then the signed checkpoint verbatim.
 *
 * @param extra unauthenticated extra data, or null when absent
 * @param index the entry's index
 * @param proof the inclusion proof, leaf's sibling first
 * @param checkpointNote the signed checkpoint note text
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record TlogProof(byte[] extra, long index, List<byte[]> proof, String checkpointNote) {
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  public TlogProof {
    extra = extra == null ? null : extra.clone();
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    proof = proof.stream().map(byte[]::clone).toList();
    Objects.requireNonNull(checkpointNote, "checkpointNote");
  }

  @Override
  public byte[] extra() {
    return extra == null ? null : extra.clone();
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  /** The proof as text. */
  public String text() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      sb.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    sb.append("index ").append(index).append('\n');
    for (byte[] h : proof) {
      sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
    }
    return sb.append('\n').append(checkpointNote).toString();
  }

  /** Parses the text; does not verify anything. */
  public static TlogProof parse(String text) throws ProofVerificationException {
    int end = text.indexOf("\n\n");
    if (end < 0 || text.length() > (1 << 20)) {
      throw malformed("no empty line before the checkpoint");
    }
    String[] lines = text.substring(0, end).split("\n", -1);
    int i = 0;
    if (!lines[i++].equals(HEADER)) {
      throw malformed("first line must be " + HEADER);
    }
    byte[] extra = null;
    if (i < lines.length && lines[i].startsWith("extra ")) {
      extra = base64(lines[i++].substring(6), -1);
    }
    if (i >= lines.length || !lines[i].matches("index (0|[1-9][0-9]{0,18})")) {
      throw malformed("missing or bad index line");
    }
    long index;
    try {
      index = Long.parseLong(lines[i++].substring(6));
    } catch (NumberFormatException e) {
      throw malformed("index out of range");
    }
    List<byte[]> proof = new ArrayList<>();
    for (; i < lines.length; i++) {
      if (proof.size() >= 64) {
        throw malformed("inclusion proof longer than 64 hashes");
      }
      proof.add(base64(lines[i], MerkleHash.SIZE));
    }
    return new TlogProof(extra, index, proof, text.substring(end + 2));
  }

  private static byte[] base64(String s, int length) throws ProofVerificationException {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw malformed("bad base64");
    }
    if ((length >= 0 && b.length != length) || !Base64.getEncoder().encodeToString(b).equals(s)) {
      throw malformed("bad base64 hash");
    }
    return b;
  }

  private static ProofVerificationException malformed(String m) {
    return new ProofVerificationException(Reason.MALFORMED, m);
  }
}
