package org.voxproof.ledger.fabric;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/** A {@link FakeFabric} channel behind a {@link FakeGateway} on an in-process gRPC server. */
final class FakeNetwork implements AutoCloseable {
  final FakeFabric fabric;
  final FakeGateway gateway;
  private final Server server;
  final ManagedChannel channel;
  final TestPki.Issued operatorClient;

  FakeNetwork() throws Exception {
    fabric = new FakeFabric();
    gateway = new FakeGateway(fabric);
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name).addService(gateway).directExecutor().build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    operatorClient = fabric.operatorOrg.issue("operator-client", "client");
  }

  Identity identity(String msp, TestPki.Issued who) {
    return new X509Identity(msp, who.cert());
  }

  Identity operatorIdentity() {
    return identity(FakeFabric.OPERATOR, operatorClient);
  }

  Signer operatorSigner() {
    return Signers.newPrivateKeySigner(operatorClient.key());
  }

  FabricLedger ledger(byte[] saltKey) {
    return FabricLedger.over(
        channel,
        operatorIdentity(),
        operatorSigner(),
        FakeFabric.CHANNEL,
        "voxproof",
        saltKey,
        saltKey == null
            ? java.util.List.of()
            : java.util.List.of(FakeFabric.OPERATOR, FakeFabric.AUDITOR));
  }

  /** The hybrid over {@code log}, anchoring only when asked. */
  AnchoredLedger hybrid(org.voxproof.ledger.ProvenanceLedger log, String verifierKey)
      throws org.voxproof.ledger.LedgerException {
    return AnchoredLedger.builder()
        .log(log, verifierKey)
        .anchorPeriod(java.time.Duration.ofHours(1))
        .fabric(channel, operatorIdentity(), operatorSigner(), FakeFabric.CHANNEL, "voxproof")
        .open();
  }

  FabricEvidenceVerifier verifier() {
    return FabricEvidenceVerifier.builder().trustMspRoots(fabric.mspRoots()).build();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
