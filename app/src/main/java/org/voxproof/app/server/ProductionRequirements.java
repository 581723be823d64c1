package org.voxproof.app.server;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voxproof.provenance.KeyRing;

/**
 * What {@code serve --profile production} needs before it starts (DESIGN.md "Assurance"; fail
 * closed): HTTPS, PostgreSQL, both consent-check models (so tokens can reach assurance {@code
 * high}), and operator-chosen secrets — the key ring on an HSM ({@code VOXPROOF_PKCS11_CONFIG}) or
 * its password from {@code VOXPROOF_KEYSTORE_PASSWORD} (not the password file that evaluation
 * generates in the data directory, which sits next to the key ring it protects), and the database
 * password from {@code VOXPROOF_DB_PASSWORD}.
 */
public final class ProductionRequirements {
  /** The shortest key-ring password production accepts. */
  static final int MIN_PASSWORD = 16;

  private ProductionRequirements() {}

  /** Every unmet requirement, one phrase each; empty when production may start. */
  public static List<String> unmet(ServerConfig server, OpsConfig ops, Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    if (!server.tls()) {
      missing.add("TLS (--tls-cert and --tls-key)");
    }
    if (server.dbUrl() == null || !server.dbUrl().startsWith("jdbc:postgresql:")) {
      missing.add("PostgreSQL (--db-url jdbc:postgresql://...)");
    }
    if (ops.speakerModel() == null) {
      missing.add("a speaker model (--speaker-model FILE.onnx)");
    } else if (!Files.isReadable(ops.speakerModel())) {
      missing.add("a readable --speaker-model (" + ops.speakerModel() + ")");
    }
    if (ops.antiSpoofModel() == null) {
      missing.add("an anti-spoofing model (--antispoof-model FILE.onnx)");
    } else if (!Files.isReadable(ops.antiSpoofModel())) {
      missing.add("a readable --antispoof-model (" + ops.antiSpoofModel() + ")");
    }
    String hsm = env.get(KeyRing.PKCS11_CONFIG_ENV);
    String pw = env.get("VOXPROOF_KEYSTORE_PASSWORD");
    if ((hsm == null || hsm.isBlank()) && (pw == null || pw.length() < MIN_PASSWORD)) {
      missing.add(
          "a key-ring secret ("
              + KeyRing.PKCS11_CONFIG_ENV
              + " for an HSM, or VOXPROOF_KEYSTORE_PASSWORD of "
              + MIN_PASSWORD
              + "+ characters)");
    }
    String dbPw = env.get(Databases.PASSWORD_ENV);
    if (dbPw == null || dbPw.isEmpty()) {
      missing.add("a database password (" + Databases.PASSWORD_ENV + ")");
    }
    return List.copyOf(missing);
  }
}
