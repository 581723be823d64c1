package org.voxproof.app.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.voxproof.app.server.ServerConfig;
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

  @Option(
      names = "--port",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port = 8080;

  @Option(names = "--host", description = "Bind address (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--only",
      description =
          "Run one service only: ledger (consent, synth and detector are not built yet;"
              + " default: all).")
  String only;

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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (only != null && !only.equals("ledger")) {
      throw new ParameterException(
          spec.commandLine(), "--only " + only + ": no such service in this build (only: ledger)");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    VoxProofServer server =
        VoxProofServer.start(
            new ServerConfig(
                dataDir.dir(),
                host,
                port,
                tlsCert,
                tlsKey,
                ServerConfig.DEFAULT_GRACE,
                database.url()));
    System.err.println("voxproof: " + server.describe());
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
