package org.voxproof.app.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.fabric.AnchoredLedger;
import org.voxproof.ledger.fabric.FabricConfig;
import org.voxproof.ledger.fabric.FabricLedger;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.KeyRingException;

/**
 * Which provenance ledger {@code serve} runs ({@code --ledger}): the embedded log in the data
 * directory (default), records on a Fabric channel, or the hybrid — the embedded log with its
 * checkpoints anchored on a Fabric channel ({@link AnchoredLedger}). The Fabric modes read a {@link
 * FabricConfig} properties file ({@code --fabric-config}).
 *
 * @param mode the backend
 * @param fabric the Fabric connection; required for {@code fabric} and {@code hybrid}
 */
public record LedgerBackend(Mode mode, FabricConfig fabric) {
  /** The backends {@code --ledger} names. */
  public enum Mode {
    EMBEDDED,
    FABRIC,
    HYBRID;

    /** The name on the command line. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LedgerBackend {
    Objects.requireNonNull(mode, "mode");
    if (mode != Mode.EMBEDDED && fabric == null) {
      throw new IllegalArgumentException(
          "--ledger " + mode.cliName() + " needs --fabric-config FILE");
    }
    if (mode == Mode.EMBEDDED && fabric != null) {
      throw new IllegalArgumentException(
          "--fabric-config goes with --ledger fabric or --ledger hybrid");
    }
  }

  /**
   * The backend {@code --ledger MODE --fabric-config FILE} names, the file read and checked now
   * (before anything is opened); {@code fabricConfig} may be null.
   */
  public static LedgerBackend of(Mode mode, Path fabricConfig) throws IOException {
    if (fabricConfig == null) {
      return new LedgerBackend(mode, null);
    }
    if (mode == Mode.EMBEDDED) {
      throw new IllegalArgumentException(
          "--fabric-config goes with --ledger fabric or --ledger hybrid");
    }
    try {
      return new LedgerBackend(mode, FabricConfig.load(fabricConfig));
    } catch (IOException e) {
      throw new IOException("cannot read --fabric-config " + fabricConfig + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IOException("--fabric-config " + fabricConfig + ": " + e.getMessage(), e);
    }
  }

  /** The embedded log in the data directory. */
  public static LedgerBackend embedded() {
    return new LedgerBackend(Mode.EMBEDDED, null);
  }

  /**
   * Opens the ledger. The embedded log (alone or under the hybrid) is signed by the key ring's
   * checkpoint signer, named after the log's origin (C2SP convention); no key bytes leave the ring.
   */
  ProvenanceLedger open(Path dataDir, KeyRing keys) throws LedgerException, KeyRingException {
    if (mode == Mode.FABRIC) {
      return FabricLedger.connect(fabric);
    }
    String origin = EmbeddedLedger.storedOrigin(dataDir).orElseGet(EmbeddedLedger::newOrigin);
    NoteSigner checkpointSigner = keys.checkpointSigner(origin);
    EmbeddedLedger log = EmbeddedLedger.builder(dataDir).signer(checkpointSigner).open();
    if (mode == Mode.EMBEDDED) {
      return log;
    }
    try {
      return AnchoredLedger.builder()
          .log(log, checkpointSigner.verifier().verifierKey())
          .fabric(fabric)
          .open();
    } catch (LedgerException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /** For the start-up line: the backend and what it holds. */
  static String describe(ProvenanceLedger ledger) throws LedgerException {
    if (ledger instanceof AnchoredLedger a) {
      return String.format(
          "hybrid: log %s, %d entries, checkpoints anchored on Fabric %s",
          a.origin(), a.latestCheckpoint().size(), a.anchoredOn());
    }
    if (ledger instanceof FabricLedger f) {
      return "on Fabric " + f.origin();
    }
    return String.format("%s, %d entries", ledger.origin(), ledger.latestCheckpoint().size());
  }
}
