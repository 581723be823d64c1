package org.voxproof.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.embedded.LogVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxproof ledger verify}: read-only checks of the embedded ledger. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Inspect the embedded ledger.",
    subcommands = {LedgerCommand.Verify.class})
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
}
