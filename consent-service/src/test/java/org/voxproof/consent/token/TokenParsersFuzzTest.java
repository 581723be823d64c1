package org.voxproof.consent.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fuzzes what the verifier parses from outside: a consent token, a Status List Token and a status
 * list's {@code lst}. Any input either verifies or throws the typed refusal — never another
 * exception, a hang or unbounded memory. In a normal build this runs the seeds under {@code
 * TokenParsersFuzzTestInputs/}; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class TokenParsersFuzzTest {
  private static final TokenFixture FX = fixture();
  private static final ConsentVerifier VERIFIER = FX.verifier();

  private static TokenFixture fixture() {
    try {
      return TokenFixture.create();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void parsers_anyInput_throwOnlyTypedErrors(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      VERIFIER.verify(text, "Acme Bank");
    } catch (ConsentTokenException | StatusUnavailableException e) {
      assertThat(e.code()).isNotEmpty();
    }
    try {
      StatusListToken.verify(
          text,
          TokenFixture.ISSUER,
          TokenFixture.ISSUER + "/v1/status-lists/1",
          TokenKeySource.of(FX.keys),
          TokenFixture.NOW,
          Duration.ofSeconds(30));
    } catch (StatusUnavailableException e) {
      assertThat(e.code()).isEqualTo("unavailable");
    }
    for (int bits : new int[] {1, 2, 8}) {
      try {
        StatusList l = StatusList.decode(bits, text);
        assertThat(StatusList.decode(bits, l.encode())).isEqualTo(l);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).isNotEmpty();
      }
    }
  }
}
