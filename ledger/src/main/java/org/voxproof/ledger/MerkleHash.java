package org.voxproof.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 Merkle tree hashing with SHA-256. */
public final class MerkleHash {
  /** Size of every hash in the tree. */
  public static final int SIZE = 32;

  private static final byte[] EMPTY = sha256().digest();

  private MerkleHash() {}

  /** SPEC: RFC 9162 §2.1.1: MTH({}) = HASH(). */
  public static byte[] emptyRoot() {
    return EMPTY.clone();
  }

  /** SPEC: RFC 9162 §2.1.1: MTH({d(0)}) = HASH(0x00 || d(0)). */
  public static byte[] leaf(byte[] data) {
    MessageDigest md = sha256();
    md.update((byte) 0x00);
    md.update(data);
    return md.digest();
  }

  /** SPEC: RFC 9162 §2.1.1: MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = sha256();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** Plain SHA-256, for record fields. */
  public static byte[] sha256(byte[] data) {
    return sha256().digest(data);
  }
}
