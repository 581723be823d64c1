package org.voxproof.chaincode;

import java.io.IOException;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.GrpcServer;
import org.hyperledger.fabric.shim.NettyGrpcServer;

/**
 * Runs the chaincode as an external service (chaincode-as-a-service), the peer connecting to it
 * over mutual TLS as configured by {@link ServerSettings} (docs/fabric.md, "Deploying").
 */
public final class ChaincodeServerMain {
  private static final Logger LOG = Logger.getLogger(ChaincodeServerMain.class.getName());

  private ChaincodeServerMain() {}

  public static void main(String[] args) throws Exception {
    ServerSettings settings;
    try {
      settings = ServerSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("voxproof chaincode: " + e.getMessage());
      System.exit(2);
      return;
    }
    start(settings).blockUntilShutdown();
  }

  /** Starts the server (without blocking); it runs until {@link GrpcServer#stop()}. */
  public static GrpcServer start(ServerSettings s) throws IOException {
    ChaincodeServerProperties props = new ChaincodeServerProperties();
    props.setServerAddress(s.address());
    if (s.tls() != null) {
      props.setTlsEnabled(true);
      props.setKeyCertChainFile(s.tls().certificateChain().toString());
      props.setKeyFile(s.tls().privateKey().toString());
      // The shim requires a client certificate from this CA when it is set (ClientAuth.REQUIRE).
      props.setTrustCertCollectionFile(s.tls().clientCa().toString());
    } else {
      LOG.warning("chaincode server WITHOUT TLS (CHAINCODE_TLS_DISABLED=true): test networks only");
    }
    GrpcServer server = new NettyGrpcServer(new ProvenanceChaincode(s.packageId()), props);
    server.start();
    return server;
  }
}
