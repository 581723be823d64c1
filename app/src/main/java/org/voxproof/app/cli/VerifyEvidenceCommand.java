package org.voxproof.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.provenance.Evidence;
import org.voxproof.provenance.EvidenceInvalidException;
import org.voxproof.provenance.EvidenceVerifier;
import org.voxproof.provenance.VerifiedEvidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxproof verify-evidence [--trust ROOT] [--fabric-msp-roots PEM] FILE [--audio AUDIO]}:
 * offline, no network.
 */
@Command(
    name = "verify-evidence",
    mixinStandardHelpOptions = true,
    description =
        "Check an evidence bundle offline. Exit 0 when valid; 1 when invalid (reason on stderr).")
public final class VerifyEvidenceCommand implements Callable<Integer> {
  @Option(names = "--trust", description = "Operator root certificate (PEM).")
  Path trust;

  @Option(
      names = "--data-dir",
      description =
          "Without --trust: take the root from this data dir (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("voxproof-data");

  @Option(
      names = "--fabric-msp-roots",
      description =
          "Root CA certificates (PEM) of the Fabric channel's MSPs, for bundles whose ledger"
              + " evidence is a Fabric transaction or an anchored checkpoint.")
  Path fabricMspRoots;

  @Option(names = "--audio", description = "The examined audio file, to re-check its hash.")
  Path audio;

  @Parameters(index = "0", description = "Evidence bundle.")
  Path file;

  @Override
  public Integer call() throws Exception {
    EvidenceVerifier.Builder b = EvidenceVerifier.builder();
    var anchors = TrustAnchors.pem(trust, dataDir);
    if (anchors.isEmpty()) {
      return invalid("no_trust_anchor", "pass --trust ROOT.pem (voxproof keys export-trust)");
    }
    b.trustAnchorsPem(anchors.get());
    if (fabricMspRoots != null) {
      b.fabricMspRootsPem(Files.readString(fabricMspRoots));
    }
    try {
      byte[] bundle = Files.readAllBytes(file);
      VerifiedEvidence v =
          audio == null
              ? b.build().verify(bundle)
              : b.build().verify(bundle, Files.readAllBytes(audio));
      Evidence e = v.evidence();
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("valid", true);
      j.put("fileSha256", e.fileSha256());
      j.put("audioChecked", v.audioChecked());
      j.put("checkedAt", e.checkedAt().toString());
      j.put("verdict", e.verdict());
      j.put(
          "manifest",
          Map.of(
              "present",
              e.manifest().present(),
              "state",
              e.manifest().state(),
              "codes",
              e.manifest().codes()));
      j.put(
          "watermark",
          Map.of("found", e.watermark().found(), "payload", e.watermark().payload().orElse("")));
      v.ledgerIndexVerified().ifPresent(i -> j.put("ledger", ledger(v, i)));
      j.put("consent", Map.of("status", e.consentStatus()));
      j.put("signer", v.signer());
      Json.print(System.out, j);
      return 0;
    } catch (EvidenceInvalidException e) {
      return invalid(e.reason().word, e.getMessage());
    }
  }

  private static Map<String, Object> ledger(VerifiedEvidence v, long index) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("index", index);
    l.put("origin", v.evidence().ledger().orElseThrow().origin());
    l.put("type", v.evidence().ledger().orElseThrow().type());
    v.fabricTransaction()
        .ifPresent(
            t -> {
              l.put("transactionId", t.transactionId());
              l.put("block", t.blockNumber());
              l.put("endorsedBy", t.endorsingMsps());
            });
    return l;
  }

  private static int invalid(String reason, String detail) {
    System.err.println("voxproof: evidence invalid: " + detail);
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("valid", false);
    j.put("reason", reason);
    j.put("detail", detail);
    Json.print(System.out, j);
    return 1;
  }
}
