package org.voxproof.ledger.fabric;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.voxproof.chaincode.TlsFiles;

/** A {@link FakeFabric} channel behind a {@link FakeGateway} on an in-process gRPC server. */
final class FakeNetwork implements AutoCloseable {
  final FakeFabric fabric;
  final FakeGateway gateway;
  private final Server server;
  final ManagedChannel channel;
  final TestPki.Issued operatorClient;
  private Server tlsServer;
  private ExecutorService tlsExecutor;

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

  /**
   * Serves the same gateway on 127.0.0.1 over TLS (a real gRPC server, as a peer's gateway is) and
   * writes, under {@code dir}, the TLS CA, the operator client's certificate and key, and a {@link
   * FabricConfig} properties file for them ({@code extra} lines appended); returns that file.
   */
  synchronized Path serveOverTls(Path dir, List<String> extra) throws Exception {
    if (tlsServer != null) {
      throw new IllegalStateException("already served over TLS");
    }
    Files.createDirectories(dir);
    TlsFiles tls = new TlsFiles(dir, "peer-tls");
    Path[] peer = tls.issue("peer0.operator.example.com");
    tlsExecutor = Executors.newSingleThreadExecutor(); // one call at a time, as in-process tests
    tlsServer =
        NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", 0),
                TlsServerCredentials.create(peer[0].toFile(), peer[1].toFile()))
            .addService(gateway)
            .executor(tlsExecutor)
            .build()
            .start();
    Path cert = Files.writeString(dir.resolve("client.pem"), pem(operatorClient.cert()));
    Path key = Files.writeString(dir.resolve("client-key.pem"), pem(operatorClient.key()));
    List<String> lines = new ArrayList<>();
    lines.add("peerEndpoint=127.0.0.1:" + tlsServer.getPort());
    lines.add("overrideAuthority=peer0.operator.example.com");
    lines.add("tlsCaCert=" + tls.caCert.getFileName());
    lines.add("mspId=" + FakeFabric.OPERATOR);
    lines.add("certificate=" + cert.getFileName());
    lines.add("privateKey=" + key.getFileName());
    lines.add("channel=" + FakeFabric.CHANNEL);
    lines.add("chaincode=voxproof");
    lines.addAll(extra);
    return Files.write(dir.resolve("fabric.properties"), lines);
  }

  private static String pem(java.security.cert.X509Certificate c) {
    return Identities.toPemString(c);
  }

  private static String pem(java.security.PrivateKey k) {
    return Identities.toPemString(k);
  }

  FabricEvidenceVerifier verifier() {
    return FabricEvidenceVerifier.builder().trustMspRoots(fabric.mspRoots()).build();
  }

  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      if (tlsServer != null) {
        tlsServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        tlsExecutor.shutdownNow();
      }
    }
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
