package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxproof.app.VoxProof;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.fabric.FabricLedger;
import org.voxproof.ledger.fabric.FabricTestChannel;
import org.voxproof.provenance.KeyRing;
import org.voxproof.provenance.LedgerFindings;
import org.voxproof.provenance.TestBundles;

/** {@code voxproof verify-evidence} on a bundle whose ledger evidence is a Fabric transaction. */
class VerifyEvidenceCommandTest {
  @TempDir Path dir;

  private String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      assertThat(VoxProof.execute(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8).strip();
    return out.substring(out.lastIndexOf('\n') + 1);
  }

  @Test
  void fabricBundle_withTheChannelRoots_valid_withoutThem_invalid() throws Exception {
    Path data = dir.resolve("data");
    KeyRing ring = KeyRing.builder().dataDirectory(data).open();
    Path bundle = dir.resolve("bundle.jws");
    Path roots = dir.resolve("channel-roots.pem");
    try (FabricTestChannel channel = FabricTestChannel.start();
        FabricLedger ledger = channel.ledger()) {
      ledger.append(
          LedgerRecord.synthesis(
              "m-1",
              new byte[] {1},
              new byte[32],
              new byte[32],
              new byte[32],
              "lic-1",
              "espeak-ng",
              Instant.EPOCH));
      Files.writeString(
          bundle,
          TestBundles.sign(
              ring, LedgerFindings.of(ledger.evidence("m-1"), ledger.origin(), ""), "00000001"));
      Files.writeString(roots, channel.mspRootsPem());
    }
    String ok =
        run(
            0,
            "verify-evidence",
            "--data-dir",
            data.toString(),
            "--fabric-msp-roots",
            roots.toString(),
            bundle.toString());
    assertThat(ok)
        .contains("\"valid\":true")
        .contains("\"type\":\"hyperledger-fabric/transaction@v1\"")
        .contains("\"endorsedBy\":[\"AuditorMSP\",\"VoxProofMSP\"]");
    String bad = run(1, "verify-evidence", "--data-dir", data.toString(), bundle.toString());
    assertThat(bad).contains("\"valid\":false").contains("\"reason\":\"ledger_proof_invalid\"");
  }
}
