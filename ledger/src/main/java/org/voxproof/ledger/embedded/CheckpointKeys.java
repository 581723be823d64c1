package org.voxproof.ledger.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerIdentityException;
import org.voxproof.ledger.LedgerStorageException;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.storage.OwnerOnly;

/**
 * The log's checkpoint key, which is its identity. The verifier key is published in {@code
 * <data-dir>/ledger/checkpoint.vkey} when the log is created, so that readers ({@code ledger
 * verify}) can check checkpoints, and it is never replaced: a writer whose signer has another key
 * is refused. Deployments that pass no signer get the log's own Ed25519 key, a 32-byte seed in
 * {@code checkpoint.key} (mode 0600), made only for a new log.
 */
public final class CheckpointKeys {
  private CheckpointKeys() {}

  /**
   * Loads the log's own key, or creates one named {@code origin} for a new log. Refuses a log that
   * is signed by a key not kept in its data directory (say the operator key ring's).
   */
  public static NoteSigner loadOrCreate(Path dataDir, String origin) throws LedgerException {
    LedgerDir dir = LedgerDir.of(dataDir);
    Path key = dir.signingKey();
    try {
      OwnerOnly.createDirectories(dir.dir);
      if (Files.exists(key)) {
        byte[] seed = Base64.getDecoder().decode(Files.readString(key).strip());
        return Ed25519NoteKeys.fromSeed(origin, seed);
      }
      if (Files.exists(dir.verifierKey()) || !CheckpointFile.read(dir).isEmpty()) {
        throw new LedgerIdentityException(
            "this log is signed by "
                + published(dir)
                + ", a key that is not kept in "
                + dir.dir
                + " (a `voxproof serve` log is signed by the operator key ring): open it with its"
                + " signer");
      }
      byte[] seed = new byte[32];
      new SecureRandom().nextBytes(seed);
      dir.writeAtomically(key, Base64.getEncoder().encodeToString(seed) + "\n");
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

  /**
   * Writer: refuses a signer other than the log's published key, then checks every stored
   * checkpoint against it (as {@link LogVerifier} does), and publishes the key of a new log.
   * Returns the newest stored checkpoint, or null for a new log.
   */
  static CheckpointPublisher.Stored checkIdentity(LedgerDir dir, String origin, NoteSigner signer)
      throws LedgerException, IOException {
    String given = signer.verifier().verifierKey();
    if (Files.exists(dir.verifierKey())) {
      String stored = published(dir);
      if (!stored.equals(given)) {
        throw new LedgerIdentityException(
            "this log's checkpoint key is "
                + stored
                + ", not "
                + given
                + ": the checkpoint key is the log's identity and is never replaced");
      }
    }
    CheckpointPublisher.Stored floor =
        CheckpointPublisher.readVerified(dir, origin, signer.verifier());
    if (!Files.exists(dir.verifierKey())) {
      dir.writeAtomically(dir.verifierKey(), given + "\n");
    }
    return floor;
  }

  private static String published(LedgerDir dir) throws IOException {
    return Files.exists(dir.verifierKey())
        ? Files.readString(dir.verifierKey(), StandardCharsets.UTF_8).strip()
        : "an unknown key";
  }
}
