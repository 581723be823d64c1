package org.voxproof.ledger.fabric;

import java.util.stream.Collectors;
import org.hyperledger.fabric.client.GatewayException;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerStorageException;

/** Maps Gateway errors (and the chaincode's messages inside them) to ledger exceptions. */
final class FabricErrors {
  private FabricErrors() {}

  static LedgerException map(GatewayException e) {
    String text =
        e.getStatus().getDescription()
            + " "
            + e.getDetails().stream().map(d -> d.getMessage()).collect(Collectors.joining(" "));
    if (text.contains("is logged with other content") || text.contains("is taken")) {
      return new LedgerConflictException(chaincodeMessage(text), e);
    }
    if (text.contains("no record")) {
      return new LedgerNotFoundException(chaincodeMessage(text), e);
    }
    return new LedgerStorageException("Fabric call failed: " + e.getStatus().getCode(), e);
  }

  private static String chaincodeMessage(String text) {
    int i = text.indexOf("chaincode response 500, ");
    return i < 0 ? text.strip() : text.substring(i + 24).strip();
  }
}
