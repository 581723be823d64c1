package org.voxproof.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ManifestReportJson;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.SigningCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code voxproof manifest sign|show}: operator signing and reading of C2PA manifests. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description = "Sign (operator) or show the C2PA manifest of a WAV, MP3 or FLAC file.",
    subcommands = {ManifestCommand.Sign.class, ManifestCommand.Show.class})
public final class ManifestCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code manifest sign --data-dir D IN OUT}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Sign IN with the operator's C2PA key and write OUT; prints JSON.")
  static final class Sign implements Callable<Integer> {
    @Mixin DataDirOption dataDir;

    @Option(names = "--engine", description = "softwareAgent (default: ${DEFAULT-VALUE}).")
    String engine = "voxproof-cli";

    @Option(names = "--model", description = "Model id (default: ${DEFAULT-VALUE}).")
    String model = "none";

    @Option(names = "--payload", description = "Watermark payload, 8 hex digits.")
    String payload = "00000000";

    @Option(names = "--consent-commitment", description = "Consent commitment, 64 hex digits.")
    String commitment = "00".repeat(32);

    @Option(names = "--licensee", description = "Licensee pseudonym (default: ${DEFAULT-VALUE}).")
    String licensee = "operator";

    @Option(names = "--purpose", description = "Purpose (default: ${DEFAULT-VALUE}).")
    String purpose = "operator-signing";

    @Option(names = "--ledger-origin", description = "Ledger origin (default: ${DEFAULT-VALUE}).")
    String origin = "voxproof.local/log";

    @Parameters(index = "0", description = "Input audio (WAV, MP3, FLAC).")
    Path in;

    @Parameters(index = "1", description = "Output file.")
    Path out;

    @Override
    public Integer call() throws Exception {
      UUID id = UUID.randomUUID();
      ManifestContent c =
          new ManifestContent(
              id,
              Optional.of(in.getFileName().toString()),
              engine,
              model,
              Long.parseLong(payload, 16),
              0,
              0,
              HexFormat.of().parseHex(commitment),
              licensee,
              purpose,
              origin,
              OptionalLong.empty(),
              "basic");
      SigningCredential cred;
      try (KeyRing ring = KeyRing.builder().dataDirectory(dataDir.dir()).open()) {
        cred = ring.c2paSigner();
      }
      // Streamed: a file of any size signs in constant memory; OUT appears whole or not at all.
      ManifestSigner.builder().credential(cred).build().sign(in, out, c);
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("out", out.toString());
      j.put("manifestId", id.toString());
      j.put("sha256", sha256Hex(out));
      j.put("signer", cred.certificate().getSubjectX500Principal().getName());
      Json.print(System.out, j);
      return 0;
    }
  }

  /** {@code manifest show FILE}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Read and validate the manifest of FILE; prints JSON with C2PA validation codes. "
              + "Exit 0 when valid (and trusted, when a trust anchor is known), else 1.")
  static final class Show implements Callable<Integer> {
    @Option(names = "--trust", description = "Trust anchor PEM (default: the data dir's root).")
    Path trust;

    @Mixin DataDirOption dataDir;

    @Parameters(index = "0", description = "Audio file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      ManifestVerifier v = verifier(trust, dataDir.dir());
      ManifestReport r = v.read(file); // streamed: only the manifest store is held in memory
      System.out.println(ManifestReportJson.toJson(r)); // no Jackson start-up: a fast command
      System.out.flush();
      boolean trustChecked = r.codes().stream().anyMatch(c -> c.startsWith("signingCredential."));
      return (trustChecked ? r.isTrusted() : r.isValid()) ? 0 : 1;
    }
  }

  private static String sha256Hex(Path f) throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  static ManifestVerifier verifier(Path trust, Path dataDir) throws Exception {
    ManifestVerifier.Builder b = ManifestVerifier.builder();
    var anchors = TrustAnchors.pem(trust, dataDir);
    if (anchors.isPresent()) {
      return b.trustAnchorsPem(anchors.get()).build();
    }
    System.err.println("voxproof: no trust anchor (--trust or a data dir): trust not checked");
    return b.skipTrustCheck().build();
  }
}
