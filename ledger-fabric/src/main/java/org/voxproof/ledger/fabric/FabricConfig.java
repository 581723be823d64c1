package org.voxproof.ledger.fabric;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to reach Fabric, read from a properties file:
 *
 * <pre>
 * peerEndpoint=peer0.org1.example.com:7051
 * overrideAuthority=peer0.org1.example.com   # optional: TLS host name when it differs
 * tlsCaCert=/etc/voxproof/fabric/tls-ca.pem
 * mspId=Org1MSP
 * certificate=/etc/voxproof/fabric/client-cert.pem
 * privateKey=/etc/voxproof/fabric/client-key.pem
 * channel=voxproof
 * chaincode=voxproof
 * eventCheckpoint=/var/lib/voxproof/fabric-events.checkpoint   # optional
 * consentSaltKey=/etc/voxproof/fabric/consent-salt.key   # optional: 32 random bytes, mode 0600
 * endorsingOrganizations=OperatorMSP,AuditorMSP   # with consentSaltKey: the chaincode policy's orgs
 * anchorPeriodMillis=1000   # optional, hybrid only: how often a checkpoint is anchored (10 or more)
 * </pre>
 *
 * Relative paths are resolved against the file's directory.
 */
public record FabricConfig(
    String peerEndpoint,
    String overrideAuthority,
    Path tlsCaCert,
    String mspId,
    Path certificate,
    Path privateKey,
    String channel,
    String chaincode,
    Path eventCheckpoint,
    Path consentSaltKey,
    List<String> endorsingOrganizations,
    Duration anchorPeriod) {
  /** How often the hybrid anchors a checkpoint unless the file says otherwise. */
  public static final Duration DEFAULT_ANCHOR_PERIOD = Duration.ofSeconds(1);

  public FabricConfig {
    Objects.requireNonNull(peerEndpoint, "peerEndpoint");
    Objects.requireNonNull(tlsCaCert, "tlsCaCert");
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chaincode, "chaincode");
    endorsingOrganizations = List.copyOf(endorsingOrganizations);
    Objects.requireNonNull(anchorPeriod, "anchorPeriod");
    if (anchorPeriod.toMillis() < 10) {
      throw new IllegalArgumentException("anchorPeriodMillis must be at least 10");
    }
  }

  /** Reads the file; a missing required key is an {@link IllegalArgumentException}. */
  public static FabricConfig load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Path base = file.toAbsolutePath().getParent();
    String checkpoint = p.getProperty("eventCheckpoint");
    String saltKey = p.getProperty("consentSaltKey");
    String endorsers = p.getProperty("endorsingOrganizations", "");
    return new FabricConfig(
        required(p, "peerEndpoint"),
        p.getProperty("overrideAuthority"),
        base.resolve(required(p, "tlsCaCert")),
        required(p, "mspId"),
        base.resolve(required(p, "certificate")),
        base.resolve(required(p, "privateKey")),
        required(p, "channel"),
        required(p, "chaincode"),
        checkpoint == null ? null : base.resolve(checkpoint),
        saltKey == null ? null : base.resolve(saltKey.strip()),
        Arrays.stream(endorsers.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
        anchorPeriod(p.getProperty("anchorPeriodMillis")));
  }

  private static Duration anchorPeriod(String millis) {
    if (millis == null) {
      return DEFAULT_ANCHOR_PERIOD;
    }
    String v = millis.strip();
    if (!v.matches("[0-9]{1,9}") || Long.parseLong(v) < 10) {
      throw new IllegalArgumentException(
          "fabric config: anchorPeriodMillis must be a whole number from 10 to 999999999");
    }
    return Duration.ofMillis(Long.parseLong(v));
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("fabric config needs " + key);
    }
    return v.strip();
  }
}
