package org.voxproof.ledger;

import java.io.IOException;
import java.io.InputStream;

/**
 * The checked-in encoded-record vector {@code vectors/record-v1/} (see its README), shared with
 * ledger-chaincode and ledger-fabric through this module's test jar.
 */
public final class RecordVectors {
  /** The id of the synthesis record in {@code synthesis.bin}. */
  public static final String SYNTHESIS_ID = "3f0c2d1e-8b7a-4c5d-9e0f-112233445566";

  private RecordVectors() {}

  /** The bytes of {@code vectors/record-v1/<name>.bin}. */
  public static byte[] bytes(String name) {
    try (InputStream in =
        RecordVectors.class.getResourceAsStream("/vectors/record-v1/" + name + ".bin")) {
      if (in == null) {
        throw new IllegalStateException("missing vector " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
