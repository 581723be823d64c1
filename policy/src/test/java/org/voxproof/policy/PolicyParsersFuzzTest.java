package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.voxproof.policy.internal.PhrasePattern;
import org.voxproof.policy.internal.TextTokens;

/**
 * The policy module's parsers on hostile input: the usage-rules JSON reader, the content-rule
 * pattern parser and matcher, and Cedar policy loading (our annotation handling on top of Cedar's
 * parser and validator). Each must either succeed or refuse with its one documented exception. A
 * normal build runs the seeds in {@code PolicyParsersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/policy.md).
 */
class PolicyParsersFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void usageRules_anyText_rulesOrConfigError(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    try {
      UsageRules r = UsageRules.parse(json);
      assertThat(r.jurisdiction(r.defaultJurisdiction())).isPresent();
    } catch (PolicyConfigException e) {
      assertThat(e.getMessage()).startsWith("usage rules: ");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void phrasePattern_anyPatternAndText_parsesOrRefuses(FuzzedDataProvider in) {
    String pattern = in.consumeString(300);
    String text = in.consumeRemainingAsString();
    PhrasePattern p;
    try {
      p = PhrasePattern.parse(pattern);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    p.matches(TextTokens.of(text));
  }

  @FuzzTest(maxDuration = "5m")
  void cedarPolicies_anyText_engineOrConfigError(byte[] data) {
    String cedar = new String(data, StandardCharsets.UTF_8);
    try {
      PolicyEngine.builder().policies(cedar).rules(RULES).build();
    } catch (PolicyConfigException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static final UsageRules RULES = UsageRules.builder().build();
}
