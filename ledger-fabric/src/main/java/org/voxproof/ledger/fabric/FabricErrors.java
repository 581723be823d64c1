package org.voxproof.ledger.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerCorruptException;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerStorageException;

/**
 * Maps Gateway errors to ledger exceptions. The chaincode's refusals start with a stable code
 * ({@code chaincode response 500, ID_CONFLICT: ...}); the gateway repeats them once per endorser in
 * its details, so the first one is taken, once.
 */
final class FabricErrors {
  private static final Pattern CHAINCODE =
      Pattern.compile("chaincode response \\d+, ([A-Z_]+): (.*)");
  private static final Pattern DISSEMINATION =
      Pattern.compile("required to disseminate to at least (\\d+) peers?, but know of only (\\d+)");

  private FabricErrors() {}

  static LedgerException map(GatewayException e) {
    List<String> texts = new ArrayList<>();
    texts.add(String.valueOf(e.getStatus().getDescription()));
    e.getDetails().forEach(d -> texts.add(d.getMessage()));
    for (String t : texts) {
      Matcher m = DISSEMINATION.matcher(t);
      if (m.find()) {
        return new LedgerStorageException(
            "the consent salt could not be handed to "
                + m.group(1)
                + " other peer(s) of the operator's organisation (requiredPeerCount of collection"
                + " consentSalts; "
                + m.group(2)
                + " reachable): nothing was written; bring the operator's peers up and retry",
            e);
      }
    }
    for (String t : texts) {
      if (t.contains("not in the distribution policy of the private data collection")) {
        return new LedgerStorageException(
            "the gateway does not hand the consent salt to organisations outside collection"
                + " consentSalts unless the client names the endorsers: set"
                + " endorsingOrganizations to the chaincode's endorsement organisations",
            e);
      }
    }
    for (String t : texts) {
      Matcher m = CHAINCODE.matcher(t);
      if (m.find()) {
        return byCode(m.group(1), m.group(1) + ": " + m.group(2).strip(), e);
      }
    }
    return new LedgerStorageException(
        "Fabric call failed: " + e.getStatus().getCode() + " " + texts.get(0), e);
  }

  private static LedgerException byCode(String code, String message, GatewayException e) {
    return switch (code) {
      case "ID_CONFLICT", "WATERMARK_TAKEN", "ERASED" -> new LedgerConflictException(message, e);
      case "NOT_FOUND" -> new LedgerNotFoundException(message, e);
      case "CHECKPOINT_FORK", "STALE_CHECKPOINT", "LOG_KEY_MISMATCH" ->
          new LedgerCorruptException("the channel refused the log's checkpoint: " + message, e);
      default -> new LedgerStorageException("the chaincode refused the call: " + message, e);
    };
  }
}
