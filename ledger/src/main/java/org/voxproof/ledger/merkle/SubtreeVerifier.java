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
 * Subtree proofs (the {@code [start, end)} subtrees of Merkle Tree Certificates and
 * transparency-dev/merkle): inclusion of a leaf in a subtree, and consistency of a subtree with a
 * tree. A plain log does not need them; they are here so that every shared vector checks out. All
 * indices are unsigned 64-bit values.
 */
public final class SubtreeVerifier {
  private SubtreeVerifier() {}

  /** Checks that {@code leafHash} is at {@code index} in the subtree {@code [start, end)}. */
  public static void verifyInclusion(
      long index, long start, long end, byte[] leafHash, List<byte[]> proof, byte[] subRoot)
      throws ProofVerificationException {
    checkSubtree(start, end);
    if (Long.compareUnsigned(index, start) < 0 || Long.compareUnsigned(index, end) >= 0) {
      throw new ProofVerificationException(INDEX_OUT_OF_RANGE, "index outside the subtree");
    }
    // A valid subtree is shaped like a whole tree of end - start leaves.
    MerkleVerifier.verifyInclusion(index - start, end - start, leafHash, proof, subRoot);
  }

  /** Checks that the subtree {@code [start, end)} with {@code subRoot} is part of the tree. */
  public static void verifyConsistency(
      long start, long end, long size, List<byte[]> proof, byte[] subRoot, byte[] root)
      throws ProofVerificationException {
    checkSubtree(start, end);
    if (Long.compareUnsigned(end, size) > 0) {
      throw new ProofVerificationException(SIZE_MISMATCH, "subtree ends beyond the tree");
    }
    if (start == end) {
      // An empty subtree is trivially part of any tree; it must be stated as such.
      requireEmpty(proof);
      requireEqual(subRoot, MerkleHash.emptyRoot(), "empty subtree needs the empty root");
      return;
    }
    if (start == 0 && end == size) {
      requireEmpty(proof);
      requireEqual(subRoot, root, "the subtree is the tree but the roots differ");
      return;
    }
    if (proof.isEmpty()) {
      throw new ProofVerificationException(MALFORMED, "empty subtree consistency proof");
    }
    for (byte[] p : proof) {
      if (p.length != MerkleHash.SIZE) {
        throw new ProofVerificationException(MALFORMED, "proof element is not 32 bytes");
      }
    }
    requireEqual(treeRoot(start, end, size, proof, subRoot), root, "proof gives another root");
  }

  private static byte[] treeRoot(long start, long end, long size, List<byte[]> proof, byte[] sub)
      throws ProofVerificationException {
    long last = end - 1;
    if (end == size) {
      // The subtree lies on the tree's right edge: one left sibling per level above it where
      // its ancestor is a right child.
      long ancestor = shr(start, bitLength(last ^ start));
      requireSize(proof, Long.bitCount(ancestor));
      return foldLeftSiblings(sub, proof, 0, proof.size());
    }
    int fork = bitLength(last ^ (size - 1)); // where the paths to end-1 and size-1 part
    int border = Long.bitCount(shr(last, fork));
    int shift = Long.numberOfTrailingZeros(end - start); // rightmost perfect subtree's height
    int inner = fork - shift;
    boolean perfect = end - start == 1L << shift;
    int first = perfect ? 0 : 1;
    requireSize(proof, first + inner + border);
    byte[] seed = perfect ? sub : proof.get(0);
    List<byte[]> rest = proof.subList(first, proof.size());
    long path = shr(last, shift);
    if (!perfect) {
      int height = bitLength(last ^ start);
      int subInner = Math.min(height, fork) - shift;
      int subBorder = Math.max(0, border - Long.bitCount(shr(last, height)));
      byte[] h = seed;
      for (int i = 0; i < subInner; i++) {
        if ((shr(path, i) & 1) == 1) {
          h = MerkleHash.node(rest.get(i), h); // only left siblings lie inside the subtree
        }
      }
      requireEqual(foldLeftSiblings(h, rest, inner, inner + subBorder), sub, "subtree root");
    }
    byte[] h = seed;
    for (int i = 0; i < inner; i++) {
      h =
          (shr(path, i) & 1) == 0
              ? MerkleHash.node(h, rest.get(i))
              : MerkleHash.node(rest.get(i), h);
    }
    return foldLeftSiblings(h, rest, inner, inner + border);
  }

  private static byte[] foldLeftSiblings(byte[] seed, List<byte[]> proof, int from, int to) {
    byte[] h = seed;
    for (int i = from; i < to; i++) {
      h = MerkleHash.node(proof.get(i), h);
    }
    return h;
  }

  /** SPEC: a subtree [start, end) is valid when start is a multiple of BIT_CEIL(end - start). */
  private static void checkSubtree(long start, long end) throws ProofVerificationException {
    if (Long.compareUnsigned(start, end) > 0) {
      throw new ProofVerificationException(MALFORMED, "subtree start after its end");
    }
    if (start == 0 || start == end) {
      return;
    }
    long n = end - start;
    if (Long.compareUnsigned(n, 1L << 63) > 0) {
      throw new ProofVerificationException(MALFORMED, "a subtree this large must start at 0");
    }
    long ceil = Long.bitCount(n) == 1 ? n : Long.highestOneBit(n) << 1;
    if ((start & (ceil - 1)) != 0) {
      throw new ProofVerificationException(MALFORMED, "subtree is not aligned");
    }
  }

  private static int bitLength(long x) {
    return 64 - Long.numberOfLeadingZeros(x);
  }

  /** Unsigned right shift that yields 0 for shifts of 64 (Java would shift by 0). */
  private static long shr(long x, int n) {
    return n >= 64 ? 0 : x >>> n;
  }

  private static void requireSize(List<byte[]> proof, int want) throws ProofVerificationException {
    if (proof.size() != want) {
      throw new ProofVerificationException(
          SIZE_MISMATCH, "proof has " + proof.size() + " hashes, want " + want);
    }
  }

  private static void requireEmpty(List<byte[]> proof) throws ProofVerificationException {
    if (!proof.isEmpty()) {
      throw new ProofVerificationException(MALFORMED, "proof must be empty here");
    }
  }

  private static void requireEqual(byte[] a, byte[] b, String what)
      throws ProofVerificationException {
    if (!MessageDigest.isEqual(a, b)) {
      throw new ProofVerificationException(ROOT_MISMATCH, what);
    }
  }
}
