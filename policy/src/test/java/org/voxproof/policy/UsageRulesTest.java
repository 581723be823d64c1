package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageRulesTest {
  private static final String MINIMAL =
      "{\"version\":1,\"defaultJurisdiction\":\"eu\",\"jurisdictions\":{\"eu\":{}}}";

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> UsageRules.parse(json))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessage(message);
  }

  private static String with(String field) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + "," + field + "}";
  }

  @Test
  void defaults_shippedDocument_parses() {
    UsageRules r = UsageRules.defaults();
    assertThat(r.defaultJurisdiction()).isEqualTo("eu");
    assertThat(r.jurisdiction("cn").orElseThrow().disclosureFor("zh-CN")).contains("以下语音由人工智能合成。");
    assertThat(r.jurisdiction("cn").orElseThrow().manifestLabel()).isPresent();
    assertThat(r.jurisdiction("eu").orElseThrow().requiresDisclosure()).isFalse();
    assertThat(r.minimumAssurance("payments")).isEqualTo(Assurance.HIGH);
    assertThat(r.minimumAssurance("notifications")).isEqualTo(Assurance.BASIC);
    assertThat(r.charactersPerDay("anything")).isEqualTo(20_000);
    assertThat(r.rateLimitFor("any-client")).isEqualTo(new RateLimit(5, 20));
    assertThat(r.contentRules())
        .extracting(ContentRule::id)
        .containsExactly("payment-instructions");
  }

  @Test
  void parse_minimal_usesBuiltInDefaults() throws Exception {
    UsageRules r = UsageRules.parse(MINIMAL);
    assertThat(r.blockedVoices()).isEmpty();
    assertThat(r.contentRules()).isEmpty();
    assertThat(r.minimumAssurance("x")).isEqualTo(Assurance.BASIC);
  }

  @Test
  void parse_fullDocument_readsEveryField() throws Exception {
    UsageRules r =
        UsageRules.parse(
            with(
                "\"blockedVoices\":[\"v-9\"],"
                    + "\"minimumAssurance\":{\"default\":\"high\",\"purposes\":{\"ads\":\"basic\"}},"
                    + "\"contentRules\":[{\"id\":\"r1\",\"purposes\":[\"ads\"],\"liftedBy\":\"x\","
                    + "\"deny\":[\"free money\"]}],"
                    + "\"quota\":{\"charactersPerDay\":100,\"purposes\":{\"ads\":10}},"
                    + "\"rateLimit\":{\"requestsPerSecond\":0.5,\"burst\":2,"
                    + "\"clients\":{\"big\":{\"requestsPerSecond\":100,\"burst\":200}}}"));
    assertThat(r.blockedVoices()).containsExactly("v-9");
    assertThat(r.minimumAssurance("ads")).isEqualTo(Assurance.BASIC);
    assertThat(r.minimumAssurance("other")).isEqualTo(Assurance.HIGH);
    ContentRule rule = r.contentRules().get(0);
    assertThat(rule.purposes()).containsExactly("ads");
    assertThat(rule.liftedBy()).isEqualTo(Optional.of("x"));
    assertThat(rule.deny()).containsExactly("free money");
    assertThat(r.charactersPerDay("ads")).isEqualTo(10);
    assertThat(r.charactersPerDay("other")).isEqualTo(100);
    assertThat(r.rateLimitFor("big")).isEqualTo(new RateLimit(100, 200));
    assertThat(r.rateLimitFor("small")).isEqualTo(new RateLimit(0.5, 2));
  }

  @Test
  void parse_markingTurnedOff_refused() {
    refused(
        "{\"version\":1,\"defaultJurisdiction\":\"eu\","
            + "\"jurisdictions\":{\"eu\":{\"machineReadableMarking\":false}}}",
        "usage rules: $.jurisdictions.eu.machineReadableMarking:"
            + " machine-readable marking cannot be turned off");
  }

  @Test
  void parse_unknownField_refused() {
    refused(with("\"colour\":1"), "usage rules: $: unknown field 'colour'");
  }

  @Test
  void parse_duplicateKey_refused() {
    assertThatThrownBy(() -> UsageRules.parse(with("\"version\":1")))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageStartingWith("usage rules: not valid JSON: Duplicate field 'version'");
  }

  @Test
  void parse_notJson_refused() {
    assertThatThrownBy(() -> UsageRules.parse("{nope"))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageStartingWith("usage rules: not valid JSON: ");
  }

  @Test
  void parse_wrongVersion_refused() {
    refused(
        "{\"version\":2,\"defaultJurisdiction\":\"eu\",\"jurisdictions\":{\"eu\":{}}}",
        "usage rules: $.version: must be in 1..1");
  }

  @Test
  void parse_defaultJurisdictionUndefined_refused() {
    refused(
        "{\"version\":1,\"defaultJurisdiction\":\"us\",\"jurisdictions\":{\"eu\":{}}}",
        "usage rules: $: defaultJurisdiction 'us' is not a defined profile");
  }

  @Test
  void parse_noJurisdictions_refused() {
    refused(
        "{\"version\":1,\"defaultJurisdiction\":\"eu\",\"jurisdictions\":{}}",
        "usage rules: $.jurisdictions: must have at least 1 entries");
  }

  @Test
  void parse_badAssurance_refused() {
    refused(
        with("\"minimumAssurance\":{\"purposes\":{\"ads\":\"medium\"}}"),
        "usage rules: $.minimumAssurance.purposes.ads: assurance must be basic or high");
  }

  @Test
  void parse_unknownPatternClass_refused() {
    refused(
        with("\"contentRules\":[{\"id\":\"r\",\"deny\":[\"<card>\"]}]"),
        "usage rules: $.contentRules[0]: unknown class <card> (<number>, <iban>)");
  }

  @Test
  void parse_ruleWithoutPatterns_refused() {
    refused(
        with("\"contentRules\":[{\"id\":\"r\",\"deny\":[]}]"),
        "usage rules: $.contentRules[0]: rule r has no deny patterns");
  }

  @Test
  void parse_negativeQuota_refused() {
    refused(
        with("\"quota\":{\"charactersPerDay\":-1}"),
        "usage rules: $.quota.charactersPerDay: must be in 0..1000000000");
  }

  @Test
  void parse_zeroRate_refused() {
    refused(
        with("\"rateLimit\":{\"requestsPerSecond\":0,\"burst\":1}"),
        "usage rules: $.rateLimit.requestsPerSecond: must be in [1.0E-6, 1000000.0]");
  }

  @Test
  void parse_stringWhereNumberExpected_refused() {
    refused(
        with("\"rateLimit\":{\"requestsPerSecond\":\"5\",\"burst\":1}"),
        "usage rules: $.rateLimit.requestsPerSecond: must be a number");
  }

  @Test
  void parse_voiceIdWithSpace_refused() {
    refused(
        with("\"blockedVoices\":[\"a b\"]"),
        "usage rules: $.blockedVoices[0]: voice id must be 1..128 printable ASCII characters"
            + " without spaces");
  }

  @Test
  void parse_tooLarge_refused() {
    refused(" ".repeat((1 << 20) + 1), "usage rules: larger than 1048576 characters");
  }

  @Test
  void parse_deepNesting_refused() {
    assertThatThrownBy(() -> UsageRules.parse("[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageContaining("nesting depth");
  }
}
