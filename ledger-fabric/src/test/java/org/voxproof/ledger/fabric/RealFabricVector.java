package org.voxproof.ledger.fabric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hyperledger.fabric.client.identity.Identities;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.FabricTransactionProof;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;

/**
 * The checked-in evidence of a record written on a real Fabric v2.5.5 network ({@code
 * vectors/fabric-2.5.5/}, README there): written by {@link FabricLiveIT} when {@code
 * VOXPROOF_FABRIC_LIVE_VECTOR_OUT} is set, read by {@link RealFabricVectorTest}.
 */
final class RealFabricVector {
  private RealFabricVector() {}

  static void write(Path dir, FabricEvidence ev, List<X509Certificate> roots) throws IOException {
    Files.createDirectories(dir);
    FabricTransactionProof p = ev.transaction();
    Files.write(dir.resolve("record.bin"), ev.entry().record().encode());
    Files.write(dir.resolve("processed-transaction.pb"), p.processedTransaction());
    Files.write(dir.resolve("block.pb"), p.block());
    Files.write(dir.resolve("config-block.pb"), p.configBlock());
    StringBuilder pem = new StringBuilder();
    roots.forEach(c -> pem.append(Identities.toPemString(c)));
    Files.writeString(dir.resolve("channel-roots.pem"), pem);
    Files.writeString(
        dir.resolve("transaction.properties"),
        "channel="
            + p.channel()
            + "\ntransactionId="
            + p.transactionId()
            + "\nblockNumber="
            + p.blockNumber()
            + "\n");
  }

  static FabricEvidence evidence() throws IOException {
    Properties tx = new Properties();
    try (InputStream in = resource("transaction.properties")) {
      tx.load(in);
    }
    long block = Long.parseLong(tx.getProperty("blockNumber"));
    return new FabricEvidence(
        new LedgerEntry(block, LedgerRecord.decode(bytes("record.bin"))),
        new FabricTransactionProof(
            tx.getProperty("channel"),
            tx.getProperty("transactionId"),
            block,
            bytes("processed-transaction.pb"),
            bytes("block.pb"),
            bytes("config-block.pb")));
  }

  static List<X509Certificate> roots() throws IOException, CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    try (InputStream in = resource("channel-roots.pem")) {
      CertificateFactory.getInstance("X.509")
          .generateCertificates(in)
          .forEach(c -> out.add((X509Certificate) c));
    }
    return out;
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = RealFabricVector.class.getResourceAsStream("/vectors/fabric-2.5.5/" + name);
    if (in == null) {
      throw new IOException("missing vector file " + name);
    }
    return in;
  }
}
