package org.voxproof.chaincode;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The chaincode's refusals. The message starts with the stable code ({@code ID_CONFLICT: ...}),
 * which is also the error payload, so a client reads the code from the peer's error text.
 */
final class ChaincodeErrors {
  static final String NOT_FOUND = "NOT_FOUND";
  static final String ID_CONFLICT = "ID_CONFLICT";
  static final String WATERMARK_TAKEN = "WATERMARK_TAKEN";
  static final String BAD_RECORD = "BAD_RECORD";
  static final String ERASED = "ERASED";
  static final String BAD_CHECKPOINT = "BAD_CHECKPOINT";
  static final String CHECKPOINT_FORK = "CHECKPOINT_FORK";
  static final String STALE_CHECKPOINT = "STALE_CHECKPOINT";
  static final String LOG_KEY_MISMATCH = "LOG_KEY_MISMATCH";
  static final String BAD_REQUEST = "BAD_REQUEST";

  private ChaincodeErrors() {}

  static ChaincodeException fail(String code, String message) {
    return new ChaincodeException(code + ": " + message, code.getBytes(StandardCharsets.UTF_8));
  }
}
