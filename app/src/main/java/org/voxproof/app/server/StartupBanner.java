package org.voxproof.app.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code voxproof serve} tells the operator once it listens: where, in which profile (the
 * evaluation profile says it is for evaluation only), the operator URLs, and how to make the first
 * API keys.
 */
public final class StartupBanner {
  private StartupBanner() {}

  /** The lines, without the {@code voxproof: } prefix. */
  public static List<String> lines(VoxProofServer server, OpsConfig ops) throws Exception {
    List<String> out = new ArrayList<>();
    out.add(server.describe());
    if (ops.production()) {
      out.add(
          "production profile: consent tokens only at assurance high (speaker and anti-spoofing"
              + " models configured)");
    } else {
      out.add(
          "EVALUATION profile: built-in consent checks (assurance basic), keys protected by a"
              + " password file in the data directory; for evaluation only, not for real voices."
              + " Production: --profile production (docs/operations.md#running-in-production)");
    }
    String url = server.url();
    out.add(
        "health "
            + url
            + "/health, readiness "
            + url
            + "/ready, metrics "
            + url
            + "/metrics"
            + (server.metricsOpen() ? "" : " (operator key)"));
    out.add(
        "first keys: voxproof admin create-client --data-dir "
            + server.dataDir()
            + " --name NAME --role licensee|platform|police|operator"
            + " (prints the key; works while serve runs)");
    return out;
  }
}
