package org.voxproof.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.voxproof.app.server.LedgerBackend;
import org.voxproof.app.server.OpsConfig;
import org.voxproof.app.server.ProductionRequirements;
import org.voxproof.app.server.ServerConfig;
import org.voxproof.app.server.StartupBanner;
import org.voxproof.app.server.Topology;
import org.voxproof.app.server.VoxProofServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code voxproof serve}: the embedded default — all services in one process, one data dir. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the service (embedded default: all in one process, data in ./voxproof-data).",
      "SIGTERM or Ctrl-C shuts down gracefully: stop accepting, finish requests in flight,"
          + " flush and close the ledger."
    })
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

  @Mixin DataDirOption dataDir;

  @Mixin DatabaseOption database;

  @Mixin OpsOptions opsOptions;

  @Option(
      names = "--port",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port = 8080;

  @Option(names = "--host", description = "Bind address (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Mixin ScaleOutOptions scaleOut;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Serve HTTPS with this PEM certificate chain (leaf first); needs --tls-key.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The PEM private key (PKCS#8, or PKCS#1 RSA) of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--ledger",
      paramLabel = "MODE",
      description =
          "Ledger backend: embedded (the log in the data directory; default), fabric (records on"
              + " a Fabric channel) or hybrid (the embedded log, each checkpoint anchored on a"
              + " Fabric channel); fabric and hybrid need --fabric-config. See docs/fabric.md.")
  String ledger = "embedded";

  @Option(
      names = "--fabric-config",
      paramLabel = "FILE",
      description =
          "Fabric connection properties (peerEndpoint, tlsCaCert, mspId, certificate,"
              + " privateKey, channel, chaincode; anchorPeriodMillis for hybrid).")
  Path fabricConfig;

  @Spec CommandSpec spec;

  private LedgerBackend ledgerBackend() throws IOException {
    LedgerBackend.Mode mode =
        Arrays.stream(LedgerBackend.Mode.values())
            .filter(m -> m.cliName().equals(ledger))
            .findFirst()
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "--ledger " + ledger + ": choose embedded, fabric or hybrid"));
    try {
      return LedgerBackend.of(mode, fabricConfig);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private Topology topology() {
    try {
      Topology t = scaleOut.topology();
      t.checkServing(tlsCert != null, host);
      return t;
    } catch (IllegalArgumentException | IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    LedgerBackend backend = ledgerBackend(); // the Fabric file is read before the data dir
    Topology topology = topology();
    ServerConfig config =
        new ServerConfig(
                dataDir.dir(),
                host,
                port,
                tlsCert,
                tlsKey,
                ServerConfig.DEFAULT_GRACE,
                database.url())
            .withLedger(backend);
    OpsConfig ops = opsOptions.toConfig();
    if (ops.production()) {
      List<String> unmet = ProductionRequirements.unmet(config, ops, System.getenv());
      if (!unmet.isEmpty()) {
        throw new IllegalArgumentException(
            "--profile production refuses to start; missing: " + String.join("; ", unmet));
      }
    }
    LogSetup.install(opsOptions.logFormat);
    VoxProofServer server = VoxProofServer.start(config, ops, topology);
    for (String line : StartupBanner.lines(server, ops)) {
      System.err.println("voxproof: " + line);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("voxproof: shutting down");
                  server.close();
                  System.err.println("voxproof: stopped");
                  stopped.countDown();
                },
                "voxproof-shutdown"));
    stopped.await();
    return 0;
  }
}
