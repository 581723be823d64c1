package org.voxproof.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.ManifestContent;
import org.voxproof.provenance.ManifestReport;
import org.voxproof.provenance.ManifestSigner;
import org.voxproof.provenance.ManifestVerifier;
import org.voxproof.provenance.ProvenanceException;
import org.voxproof.provenance.ValidationStatus;
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
      KeyRing ring = KeyRing.builder().dataDirectory(dataDir.dir()).open();
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
      byte[] signed =
          ManifestSigner.builder().keyRing(ring).build().sign(Files.readAllBytes(in), c);
      Files.write(out, signed);
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("out", out.toString());
      j.put("manifestId", id.toString());
      j.put("sha256", org.voxproof.provenance.Evidence.sha256Hex(signed));
      j.put("signer", ring.c2paSigner().certificate().getSubjectX500Principal().getName());
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
      ManifestReport r = v.read(Files.readAllBytes(file));
      Json.print(System.out, toJson(r));
      boolean trustChecked = r.codes().stream().anyMatch(c -> c.startsWith("signingCredential."));
      return (trustChecked ? r.isTrusted() : r.isValid()) ? 0 : 1;
    }
  }

  static ManifestVerifier verifier(Path trust, Path dataDir) throws Exception {
    ManifestVerifier.Builder b = ManifestVerifier.builder();
    if (trust != null) {
      return b.trustAnchorsPem(Files.readString(trust)).build();
    }
    if (Files.exists(dataDir.resolve("keyring.p12"))) {
      KeyRing ring = KeyRing.builder().dataDirectory(dataDir).existingOnly().open();
      return b.trustAnchor(ring.rootCertificate()).build();
    }
    System.err.println("voxproof: no trust anchor (--trust or a data dir): trust not checked");
    return b.skipTrustCheck().build();
  }

  static Map<String, Object> toJson(ManifestReport r) throws ProvenanceException {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("present", r.present());
    j.put("valid", r.isValid());
    j.put("trusted", r.isTrusted());
    j.put("state", r.state());
    j.put("manifestId", r.activeManifest());
    j.put("signer", r.signer());
    j.put("codes", r.codes());
    j.put("failures", r.failureCodes());
    List<Map<String, Object>> st = r.statuses().stream().map(ManifestCommand::status).toList();
    j.put("statuses", st);
    r.voxproof()
        .ifPresent(
            a -> {
              Map<String, Object> v = new LinkedHashMap<>();
              a.manifestId().ifPresent(x -> v.put("manifestId", x));
              a.watermarkPayload()
                  .ifPresent(x -> v.put("watermarkPayload", String.format("%08x", x)));
              a.licensee().ifPresent(x -> v.put("licensee", x));
              a.purpose().ifPresent(x -> v.put("purpose", x));
              a.ledgerOrigin().ifPresent(x -> v.put("ledgerOrigin", x));
              a.ledgerIndex().ifPresent(x -> v.put("ledgerIndex", x));
              a.consentCommitmentHex().ifPresent(x -> v.put("consentCommitment", x));
              a.assurance().ifPresent(x -> v.put("assurance", x));
              j.put("voxproof", v);
            });
    return j;
  }

  private static Map<String, Object> status(ValidationStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", s.code());
    m.put("url", s.url());
    m.put("success", s.success());
    m.put("explanation", s.explanation());
    return m;
  }
}
