package org.voxproof.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.voxproof.ledger.MerkleHash;
import org.voxproof.ledger.merkle.HashTree;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.SignedNote;

/** A Merkle log in memory whose signed checkpoints and consistency proofs feed {@code Anchor}. */
final class TestLog {
  final String origin;
  final NoteSigner key;
  private final HashTree tree = new HashTree();

  TestLog(String origin, NoteSigner key) {
    this.origin = origin;
    this.key = key;
  }

  TestLog(String origin) {
    this(origin, Ed25519NoteKeys.generate(origin));
  }

  /** Appends entries named {@code prefix + i}. */
  TestLog grow(int n, String prefix) {
    long start = tree.size();
    for (long i = start; i < start + n; i++) {
      tree.append(MerkleHash.leaf((prefix + i).getBytes(StandardCharsets.UTF_8)));
    }
    tree.publish();
    return this;
  }

  String vkey() {
    return key.verifier().verifierKey();
  }

  /** The signed checkpoint of the current size. */
  String note() {
    long size = tree.size();
    Checkpoint cp = new Checkpoint(origin, size, tree.root(size), List.of());
    return SignedNote.sign(cp.body(), key).text();
  }

  /** The consistency proof from {@code from} to the current size, as {@code Anchor} takes it. */
  String proofFrom(long from) {
    return tree.consistencyProof(from, tree.size()).stream()
        .map(h -> Base64.getEncoder().encodeToString(h))
        .collect(Collectors.joining(","));
  }
}
