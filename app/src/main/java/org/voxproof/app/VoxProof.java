package org.voxproof.app;

import org.voxproof.app.cli.KeysCommand;
import org.voxproof.app.cli.LedgerCommand;
import org.voxproof.app.cli.ManifestCommand;
import org.voxproof.app.cli.ServeCommand;
import org.voxproof.app.cli.VerifyEvidenceCommand;
import org.voxproof.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code voxproof} command. Each area registers one subcommand class here; a
 * command that prints JSON prints exactly one JSON object on the last line of stdout, and sends
 * progress and logs to stderr.
 */
@Command(
    name = "voxproof",
    mixinStandardHelpOptions = true,
    version = "VoxProof 0.1.0",
    description = "Consent and provenance layer for synthetic voice.",
    subcommands = {
      org.voxproof.app.cli.AdminCommand.class,
      org.voxproof.app.demo.DemoCommand.class,
      BenchCommand.class,
      org.voxproof.app.cli.DetectCommand.class,
      KeysCommand.class,
      ManifestCommand.class,
      VerifyEvidenceCommand.class,
      LedgerCommand.class,
      org.voxproof.app.cli.AudioCommand.class,
      ServeCommand.class,
      org.voxproof.app.cli.WatermarkCommand.class,
    })
public final class VoxProof implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; used by tests without exiting the JVM. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new VoxProof());
    // `voxproof watermark bench` is the same command as `voxproof bench watermark`.
    cli.getSubcommands()
        .get("watermark")
        .addSubcommand(
            "bench",
            new CommandLine(new org.voxproof.bench.WatermarkBench()).setCommandName("bench"));
    // `voxproof bench http` needs the server, which lives here, not in the bench module.
    cli.getSubcommands()
        .get("bench")
        .addSubcommand(
            "http", new CommandLine(new org.voxproof.app.bench.HttpBench()).setCommandName("http"));
    cli.setExecutionExceptionHandler(new CliErrors());
    if (args.length > 0 && args[0].equals("serve")) {
      // serve's options may also come from VOXPROOF_* variables and a --config file.
      CommandLine serve = cli.getSubcommands().get("serve");
      try {
        serve.setDefaultValueProvider(
            org.voxproof.app.cli.ServeDefaults.load(
                serve.getCommandSpec(),
                java.util.Arrays.asList(args).subList(1, args.length),
                System.getenv()));
      } catch (org.voxproof.app.cli.ServeDefaults.ConfigException e) {
        cli.getErr().println("voxproof: " + e.getMessage());
        return 2;
      }
    }
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an Error (a class missing from a broken
      // install, out of memory) still means "could not examine": one line and exit 2.
      return CliErrors.report(e, cli);
    }
  }
}
