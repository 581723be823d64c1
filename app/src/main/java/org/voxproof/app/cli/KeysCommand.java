package org.voxproof.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.provenance.KeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code voxproof keys export-trust|rotate}: the operator's key ring. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "The operator's key ring (created on first use).",
    subcommands = {KeysCommand.ExportTrust.class, KeysCommand.Rotate.class})
public final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code keys export-trust --data-dir D}: the root certificate (PEM) verifiers need. */
  @Command(
      name = "export-trust",
      mixinStandardHelpOptions = true,
      description = "Print the operator's C2PA root certificate (PEM) for verifiers.")
  static final class ExportTrust implements Callable<Integer> {
    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws Exception {
      if (!KeyRing.exists(dataDir.dir())) {
        KeyRing.builder().dataDirectory(dataDir.dir()).open().close(); // first use creates it
      }
      System.out.print(KeyRing.trustAnchorPem(dataDir.dir())); // the PEM file: no key store

      System.out.flush();
      return 0;
    }
  }

  /** {@code keys rotate --data-dir D}: new signing keys; old certificates kept. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Make new signing keys; retired public keys stay for verification.")
  static final class Rotate implements Callable<Integer> {
    @Mixin DataDirOption dataDir;

    @Override
    public Integer call() throws Exception {
      try (KeyRing ring = KeyRing.builder().dataDirectory(dataDir.dir()).open()) {
        ring.rotate();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("generation", ring.generation());
        j.put("c2paSigner", ring.c2paSigner().certificate().getSubjectX500Principal().getName());
        j.put("retired", ring.retiredCertificates().size());
        Json.print(System.out, j);
        return 0;
      }
    }
  }
}
