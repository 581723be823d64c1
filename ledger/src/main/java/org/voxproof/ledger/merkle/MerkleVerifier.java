package org.voxproof.ledger.merkle;

import static org.voxproof.ledger.ProofVerificationException.Reason.INDEX_OUT_OF_RANGE;
import static org.voxproof.ledger.ProofVerificationException.Reason.MALFORMED;
import static org.voxproof.ledger.ProofVerificationException.Reason.ROOT_MISMATCH;
import static org.voxproof.ledger.ProofVerificationException.Reason.SIZE_MISMATCH;

import java.security.MessageDigest;
import java.util.List;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.ProofVerificationException;

/**
 * Verifies RFC 9162 inclusion and consistency proofs. Indices and sizes are unsigned 64-bit values;
 * every method returns normally or throws {@link ProofVerificationException}.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /**
   * Checks that {@code leafHash} is at {@code index} in the tree of {@code size} with {@code root}.
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws ProofVerificationException {
    byte[] computed = rootFromInclusion(index, size, leafHash, proof);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new ProofVerificationException(ROOT_MISMATCH, "inclusion proof gives another root");
    }
  }

  /** SPEC: RFC 9162 §2.1.3.2: the root implied by an inclusion proof. */
  public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof)
      throws ProofVerificationException {
    if (Long.compareUnsigned(index, size) >= 0) {
      throw new ProofVerificationException(
          INDEX_OUT_OF_RANGE,
          "index " + Long.toUnsignedString(index) + " >= size " + Long.toUnsignedString(size));
    }
    requireHash(leafHash, "leaf hash");
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      requireHash(p, "proof element");
      if (sn == 0) {
        throw new ProofVerificationException(SIZE_MISMATCH, "inclusion proof too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofVerificationException(SIZE_MISMATCH, "inclusion proof too short");
    }
    return r;
  }

  /**
   * SPEC: RFC 9162 §2.1.4.2: checks that the tree of {@code size1} with {@code root1} is a prefix
   * of the tree of {@code size2} with {@code root2}. A proof from the empty tree is refused: it
   * proves nothing.
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
      throws ProofVerificationException {
    if (Long.compareUnsigned(size1, size2) > 0) {
      throw new ProofVerificationException(SIZE_MISMATCH, "size1 > size2");
    }
    if (size1 == 0) {
      throw new ProofVerificationException(MALFORMED, "consistency with the empty tree");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new ProofVerificationException(MALFORMED, "equal sizes need an empty proof");
      }
      requireEqual(root1, root2, "roots differ at equal sizes");
      return;
    }
    if (proof.isEmpty()) {
      throw new ProofVerificationException(MALFORMED, "empty consistency proof");
    }
    for (byte[] p : proof) {
      requireHash(p, "proof element");
    }
    consistencyChain(size1, size2, proof, root1, root2);
  }

  private static void consistencyChain(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
      throws ProofVerificationException {
    int start = 0;
    byte[] first;
    // SPEC: RFC 9162 §2.1.4.2 step 2: if size1 is a power of two, prepend root1.
    if ((size1 & (size1 - 1)) == 0) {
      first = root1;
    } else {
      first = proof.get(0);
      start = 1;
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = first;
    byte[] sr = first;
    for (int i = start; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw new ProofVerificationException(SIZE_MISMATCH, "consistency proof too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofVerificationException(SIZE_MISMATCH, "consistency proof too short");
    }
    requireEqual(fr, root1, "consistency proof does not give root1");
    requireEqual(sr, root2, "consistency proof does not give root2");
  }

  private static void requireEqual(byte[] a, byte[] b, String message)
      throws ProofVerificationException {
    if (!MessageDigest.isEqual(a, b)) {
      throw new ProofVerificationException(ROOT_MISMATCH, message);
    }
  }

  private static void requireHash(byte[] h, String what) throws ProofVerificationException {
    if (h == null || h.length != MerkleHash.SIZE) {
      throw new ProofVerificationException(
          MALFORMED, what + " is not " + MerkleHash.SIZE + " bytes");
    }
  }
}
