package org.voxproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import java.util.Map;

/**
 * Fuzzes the chaincode's inputs (records arrive from any client of the channel): whatever the
 * function, arguments and transient salt, the answer is a success or a refusal with a stable code
 * ({@code CODE: detail}), never an unexpected failure. Records go through the one codec ({@code
 * LedgerRecord.decode}); seeds in {@code ChaincodeFuzzTestInputs/}.
 */
class ChaincodeFuzzTest {
  private static final String[] FUNCTIONS = {
    "Record", "Erase", "Get", "Lookup", "Salt", "Anchor", "Anchored", "AnchorHead"
  };

  @FuzzTest(maxDuration = "30s")
  void invoke_anyInput_answersOrRefusesWithCode(FuzzedDataProvider data) {
    ChaincodeHarness cc = new ChaincodeHarness();
    String fn = data.pickValue(FUNCTIONS);
    byte[] salt = data.consumeBytes(8);
    int n = data.consumeInt(0, 3);
    String[] args = new String[n];
    for (int i = 0; i < n; i++) {
      args[i] =
          i == 0 && data.consumeBoolean()
              ? Base64.getEncoder().encodeToString(data.consumeBytes(300))
              : data.consumeString(200);
    }
    Map<String, byte[]> transientData =
        salt.length == 0 ? Map.of() : Map.of(ProvenanceContract.SALT_TRANSIENT_KEY, salt);
    ChaincodeHarness.Answer a = cc.call(transientData, fn, args);
    if (a.status() != 200) {
      assertThat(a.status()).isEqualTo(500);
      assertThat(a.message()).matches("(?s)[A-Z_]+: .*").doesNotStartWith("INTERNAL");
    }
  }
}
