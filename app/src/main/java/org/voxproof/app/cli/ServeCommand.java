package org.voxproof.app.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.voxproof.app.http.HttpApp;
import org.voxproof.app.http.LedgerRoutes;
import org.voxproof.ledger.embedded.EmbeddedLedger;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.NoteSigner;
import org.voxproof.provenance.KeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code voxproof serve}: the embedded default — all services in one process, one data dir. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the service (embedded default: all in one process, data in ./voxproof-data).")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

  @Mixin DataDirOption dataDir;

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

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (only != null && !only.equals("ledger")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--only " + only + ": no such service in this build (only: ledger)");
    }
    Files.createDirectories(dataDir.dir());
    // First use of a data directory creates the operator key ring (password file, mode 0600).
    KeyRing keys = KeyRing.builder().dataDirectory(dataDir.dir()).open();
    // The checkpoint key is named after the log's origin (C2SP convention).
    String origin = EmbeddedLedger.storedOrigin(dataDir.dir()).orElseGet(EmbeddedLedger::newOrigin);
    NoteSigner checkpointSigner =
        Ed25519NoteKeys.fromPrivateKey(origin, keys.ledgerCheckpointKey().getPrivate());
    EmbeddedLedger ledger = EmbeddedLedger.builder(dataDir.dir()).signer(checkpointSigner).open();
    Vertx vertx = Vertx.vertx();
    Router router = HttpApp.baseRouter(vertx);
    LedgerRoutes.mount(router, vertx, ledger);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(port, host)
            .await(30, TimeUnit.SECONDS);
    System.err.printf(
        "voxproof: listening on http://%s:%d (data in %s; key generation %d; ledger %s, %d"
            + " entries; evaluation profile)%n",
        host,
        server.actualPort(),
        dataDir.dir().toAbsolutePath(),
        keys.generation(),
        ledger.origin(),
        ledger.size());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  vertx
                      .close()
                      .toCompletionStage()
                      .toCompletableFuture()
                      .orTimeout(10, TimeUnit.SECONDS)
                      .exceptionally(e -> null)
                      .join();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("voxproof: close failed: " + e.getMessage());
    }
  }
}
