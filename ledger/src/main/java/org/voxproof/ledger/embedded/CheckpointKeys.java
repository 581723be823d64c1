package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.merkle.ProofVerificationException;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.NoteVerifier;

/**
 * The log's own Ed25519 checkpoint key, for deployments that do not pass one in: a 32-byte seed in
 * {@code <data-dir>/ledger/checkpoint.key} (mode 0600). The verifier key is always published in
 * {@code checkpoint.vkey} so that readers ({@code ledger verify}) can check checkpoints.
 */
public final class CheckpointKeys {
  private CheckpointKeys() {}

  /** Loads the stored key, or creates one named {@code origin}. */
  public static NoteSigner loadOrCreate(Path dataDir, String origin) throws LedgerStorageException {
    LedgerDir dir = LedgerDir.of(dataDir);
    try {
      Files.createDirectories(dir.dir);
      Path key = dir.signingKey();
      if (Files.exists(key)) {
        byte[] seed = Base64.getDecoder().decode(Files.readString(key).strip());
        return Ed25519NoteKeys.fromSeed(origin, seed);
      }
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      dir.writeAtomically(key, Base64.getEncoder().encodeToString(seed) + "\n", true);
      return Ed25519NoteKeys.fromSeed(origin, seed);
    } catch (IOException | IllegalArgumentException e) {
      throw new LedgerStorageException("cannot load or create the checkpoint key", e);
    }
  }

  /** The verifier key the log published in its data directory. */
  public static NoteVerifier publishedVerifier(Path dataDir) throws LedgerStorageException {
    Path vkey = LedgerDir.of(dataDir).verifierKey();
    try {
      return Ed25519NoteKeys.parseVerifierKey(Files.readString(vkey, StandardCharsets.UTF_8));
    } catch (IOException | ProofVerificationException e) {
      throw new LedgerStorageException("cannot read the verifier key " + vkey, e);
    }
  }
}
