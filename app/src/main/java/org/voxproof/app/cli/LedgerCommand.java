package org.voxproof.app.cli;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerJson;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.embedded.LogSnapshot;
import org.voxproof.ledger.embedded.LogVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof ledger verify|entry|checkpoint|lookup}: read-only views of the embedded ledger,
 * safe while {@code serve} runs. Entries and the checkpoint are printed by the same code as the
 * {@code /v1/ledger/} routes ({@link LedgerJson}, the note verbatim).
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Inspect the embedded ledger (read-only; safe while serve runs).",
    subcommands = {
      LedgerCommand.Verify.class,
      LedgerCommand.Entry.class,
      LedgerCommand.CheckpointNote.class,
      LedgerCommand.Lookup.class
    })
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Recomputes the whole log; exit 0 only if intact, 1 if not. Safe while serve runs. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute every entry, the Merkle tree and the signed checkpoint; exit 0 only if intact.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data-dir",
        defaultValue = "voxproof-data",
        description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
      Map<String, Object> out = new LinkedHashMap<>();
      try {
        LogVerifier.Report r = LogVerifier.verify(dataDir);
        out.put("intact", true);
        out.put("origin", r.origin());
        out.put("entries", r.entries());
        out.put("rootHash", r.rootHash());
        out.put("checkpointSize", r.checkpointSize());
        out.put("pendingTailBytes", r.pendingTailBytes());
        Json.print(System.out, out);
        return 0;
      } catch (LedgerException e) {
        spec.commandLine().getErr().println("voxproof: ledger verify: " + e.getMessage());
        out.put("intact", false);
        out.put("corrupt", e instanceof LedgerCorruptException);
        out.put("error", e.getMessage());
        Json.print(System.out, out);
        return 1;
      }
    }
  }

  /** {@code ledger entry INDEX}: one entry as {@code GET /v1/ledger/entries/INDEX} shows it. */
  @Command(
      name = "entry",
      mixinStandardHelpOptions = true,
      description = {
        "Print entry INDEX as JSON {\"index\",\"leafHash\",\"data\",\"record\":{...}},"
            + " the same JSON as GET /v1/ledger/entries/INDEX.",
        "Only entries the stored signed checkpoint covers are shown."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:printed",
        "1:not in the ledger (no such entry, or no signed checkpoint yet)",
        "2:could not examine (no ledger, damaged ledger, bad argument)"
      })
  static final class Entry implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Parameters(paramLabel = "INDEX", description = "Entry index (0-based).")
    long index;

    @Override
    public Integer call() throws LedgerException {
      if (index < 0) {
        throw new ParameterException(spec.commandLine(), "INDEX must not be negative");
      }
      return show(spec, dataDir, s -> LedgerJson.entry(s.entry(index)));
    }
  }

  /** {@code ledger checkpoint}: the signed checkpoint as {@code GET /v1/ledger/checkpoint}. */
  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Print the stored signed checkpoint (a C2SP signed note), verified against the log's key,"
            + " byte for byte as GET /v1/ledger/checkpoint serves it."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:printed",
        "1:no signed checkpoint yet",
        "2:could not examine (no ledger, damaged ledger)"
      })
  static final class CheckpointNote implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws LedgerException {
      try (LogSnapshot s = LogSnapshot.open(dataDir.dir())) {
        Optional<SignedCheckpoint> cp = s.checkpoint();
        if (cp.isEmpty()) {
          spec.commandLine().getErr().println("voxproof: ledger checkpoint: none signed yet");
          return 1;
        }
        System.out.print(cp.get().note());
        System.out.flush();
        return 0;
      }
    }
  }

  /** {@code ledger lookup --watermark HEX}: as {@code GET /v1/ledger/lookup?watermark=HEX}. */
  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "Print the entry carrying a watermark payload, the same JSON as"
            + " GET /v1/ledger/lookup?watermark=HEX."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:printed",
        "1:no entry with this watermark",
        "2:could not examine (no ledger, damaged ledger, bad argument)"
      })
  static final class Lookup implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption dataDir;

    @Option(
        names = "--watermark",
        required = true,
        paramLabel = "HEX",
        description = "The payload, 1 to 32 bytes in hex.")
    String watermark;

    @Override
    public Integer call() throws LedgerException {
      byte[] payload;
      try {
        if (watermark.isEmpty() || watermark.length() > 64) {
          throw new IllegalArgumentException("length");
        }
        payload = HexFormat.of().parseHex(watermark);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--watermark must be 1 to 32 bytes in hex");
      }
      return show(
          spec,
          dataDir,
          s ->
              LedgerJson.entry(
                  s.findByWatermark(payload)
                      .orElseThrow(
                          () -> new LedgerNotFoundException("no record with this watermark"))));
    }
  }

  /** What a lookup prints, read from the snapshot. */
  private interface View {
    Object from(LogSnapshot s) throws LedgerException;
  }

  private static int show(CommandSpec spec, DataDirOption dataDir, View view)
      throws LedgerException {
    try (LogSnapshot s = LogSnapshot.open(dataDir.dir())) {
      Json.print(System.out, view.from(s));
      return 0;
    } catch (LedgerNotFoundException e) {
      spec.commandLine()
          .getErr()
          .println("voxproof: ledger " + spec.name() + ": " + e.getMessage());
      return 1;
    }
  }
}
