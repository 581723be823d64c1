package org.voxproof.ledger.fabric;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.hyperledger.fabric.client.identity.Identities;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.ProvenanceLedger;

/**
 * For other modules' tests: a FAKE Fabric channel (three organisations, an orderer, the REAL
 * chaincode) behind an in-process FAKE gateway, and the ledgers that talk to it.
 */
public final class FabricTestChannel implements AutoCloseable {
  private final FakeNetwork net;

  private FabricTestChannel(FakeNetwork net) {
    this.net = net;
  }

  public static FabricTestChannel start() throws Exception {
    return new FabricTestChannel(new FakeNetwork());
  }

  /** The Fabric backend, as the operator's client. */
  public FabricLedger ledger() {
    return net.ledger(new byte[32]);
  }

  /** The hybrid over {@code log}; anchors only when asked ({@link AnchoredLedger#anchorNow()}). */
  public AnchoredLedger hybrid(ProvenanceLedger log, String verifierKey) throws LedgerException {
    return net.hybrid(log, verifierKey);
  }

  /**
   * Serves this channel's gateway over TLS on 127.0.0.1 (a real gRPC server) and writes a {@link
   * FabricConfig} properties file for it under {@code dir}, plus {@code extraProperties} lines
   * (e.g. {@code anchorPeriodMillis=50}); returns the file. For tests that connect as production
   * does ({@code FabricConfig.load}, {@code voxproof serve --fabric-config}).
   */
  public Path serveOverTls(Path dir, String... extraProperties) throws Exception {
    return net.serveOverTls(dir, List.of(extraProperties));
  }

  /** The channel's MSP root certificates (the verifier's second trust input). */
  public List<X509Certificate> mspRoots() {
    return net.fabric.mspRoots();
  }

  /** The same, as PEM text. */
  public String mspRootsPem() {
    StringBuilder sb = new StringBuilder();
    mspRoots().forEach(c -> sb.append(Identities.toPemString(c)));
    return sb.toString();
  }

  @Override
  public void close() throws InterruptedException {
    net.close();
  }
}
