package org.voxproof.chaincode;

import java.net.InetSocketAddress;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the chaincode as an external service (chaincode-as-a-service): the peer connects to {@code
 * CHAINCODE_SERVER_ADDRESS} (default {@code 0.0.0.0:9999}); {@code CHAINCODE_ID} is the package id
 * printed by {@code peer lifecycle chaincode install}. See docs/fabric.md.
 */
public final class ChaincodeServerMain {
  private ChaincodeServerMain() {}

  public static void main(String[] args) throws Exception {
    String address = env("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:9999");
    String id = env("CHAINCODE_ID", null);
    if (id == null) {
      System.err.println("CHAINCODE_ID must be set to the installed package id");
      System.exit(2);
    }
    int colon = address.lastIndexOf(':');
    ChaincodeServerProperties props = new ChaincodeServerProperties();
    props.setServerAddress(
        new InetSocketAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
    ContractRouter router = new ContractRouter(new String[] {"--id", id});
    ChaincodeServer server = new NettyChaincodeServer(router, props);
    router.startRouterWithChaincodeServer(server);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
