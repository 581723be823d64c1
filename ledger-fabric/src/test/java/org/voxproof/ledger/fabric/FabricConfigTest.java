package org.voxproof.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.ledger.LedgerStorageException;

class FabricConfigTest {
  @TempDir Path dir;

  private Path write(int port) throws Exception {
    TestPki org = new TestPki("tls-ca");
    TestPki.Issued client = org.issue("client", "client");
    Files.createDirectories(dir.resolve("msp"));
    Files.writeString(dir.resolve("tls-ca.pem"), Identities.toPemString(org.ca.cert()));
    Files.writeString(dir.resolve("msp/cert.pem"), Identities.toPemString(client.cert()));
    Files.writeString(dir.resolve("msp/key.pem"), Identities.toPemString(client.key()));
    Path file = dir.resolve("fabric.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "peerEndpoint=127.0.0.1:" + port,
            "overrideAuthority=peer0.example.com",
            "tlsCaCert=tls-ca.pem",
            "mspId=OperatorMSP",
            "certificate=msp/cert.pem",
            "privateKey=msp/key.pem",
            "channel=voxproof",
            "chaincode=voxproof",
            ""));
    return file;
  }

  @Test
  void load_resolvesRelativePathsAgainstTheFile() throws Exception {
    FabricConfig c = FabricConfig.load(write(7051));
    assertThat(c.peerEndpoint()).isEqualTo("127.0.0.1:7051");
    assertThat(c.tlsCaCert()).isEqualTo(dir.resolve("tls-ca.pem"));
    assertThat(c.privateKey()).isEqualTo(dir.resolve("msp/key.pem"));
    assertThat(c.eventCheckpoint()).isNull();
    assertThat(c.consentSaltKey()).isNull();
    assertThat(c.endorsingOrganizations()).isEmpty();
    assertThat(c.anchorPeriod()).isEqualTo(FabricConfig.DEFAULT_ANCHOR_PERIOD);
  }

  @Test
  void load_anchorPeriod_millisAtLeast10() throws Exception {
    Path file = write(7051);
    String base = Files.readString(file);
    Files.writeString(file, base + "anchorPeriodMillis=250\n");
    assertThat(FabricConfig.load(file).anchorPeriod()).isEqualTo(Duration.ofMillis(250));
    for (String bad : new String[] {"9", "-5", "1s", "", "99999999999"}) {
      Files.writeString(file, base + "anchorPeriodMillis=" + bad + "\n");
      assertThatThrownBy(() -> FabricConfig.load(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("anchorPeriodMillis");
    }
  }

  @Test
  void load_saltKeyAndEndorsers_forSaltedAppends() throws Exception {
    Path file = write(7051);
    Files.writeString(
        file,
        Files.readString(file)
            + "consentSaltKey=keys/salt.key\nendorsingOrganizations= OperatorMSP , AuditorMSP\n");
    FabricConfig c = FabricConfig.load(file);
    assertThat(c.consentSaltKey()).isEqualTo(dir.resolve("keys/salt.key"));
    assertThat(c.endorsingOrganizations()).containsExactly("OperatorMSP", "AuditorMSP");
  }

  @Test
  void load_missingKey_named() throws Exception {
    Path file = write(7051);
    Files.writeString(file, Files.readString(file).replace("mspId=OperatorMSP\n", ""));
    assertThatThrownBy(() -> FabricConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mspId");
  }

  @Test
  void connect_peerDown_callFailsAsStorageError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (FabricLedger ledger = FabricLedger.connect(FabricConfig.load(write(port)))) {
      assertThat(ledger.origin()).isEqualTo("fabric:voxproof/voxproof");
      assertThatThrownBy(() -> ledger.findById("m-1")).isInstanceOf(LedgerStorageException.class);
    }
  }

  @Test
  void connect_overTlsAsConfigured_appendsAndReads() throws Exception {
    try (FakeNetwork net = new FakeNetwork()) {
      Path file = net.serveOverTls(dir.resolve("tls"), java.util.List.of());
      try (FabricLedger ledger = FabricLedger.connect(FabricConfig.load(file))) {
        ledger.append(org.voxproof.ledger.TestRecords.synthesis(7));
        assertThat(ledger.findById("manifest-7")).isPresent();
      }
    }
  }
}
