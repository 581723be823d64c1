package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voxproof.policy.Fixtures.BANK_CLIENT;
import static org.voxproof.policy.Fixtures.NOW;
import static org.voxproof.policy.Fixtures.consent;
import static org.voxproof.policy.Fixtures.facts;
import static org.voxproof.policy.Fixtures.notificationsConsent;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynthesisDecisionTest {
  private static final String PAYMENT_TEXT =
      "Please transfer the balance to DE89 3704 0044 0532 0130 00.";

  private final PolicyEngine policy = engine(UsageRules.defaults());

  private static PolicyEngine engine(UsageRules rules) {
    try {
      return PolicyEngine.builder().rules(rules).build();
    } catch (PolicyConfigException e) {
      throw new AssertionError(e);
    }
  }

  private static SynthesisFacts with(SynthesisFacts f, Optional<String> j, long used, Instant t) {
    return new SynthesisFacts(
        f.principal(), f.consent(), f.purpose(), f.language(), f.text(), j, used, t);
  }

  private static SynthesisFacts inJurisdiction(SynthesisFacts f, String j) {
    return with(f, Optional.of(j), 0, f.now());
  }

  private static SynthesisFacts used(SynthesisFacts f, long used, Instant now) {
    return with(f, f.jurisdiction(), used, now);
  }

  @Test
  void decide_inScope_allowedWithEuMarkingOnly() {
    Decision d =
        policy.decideSynthesis(
            facts(notificationsConsent(), "notifications", "en", "Your card has shipped."));
    assertThat(d.allowed()).isTrue();
    assertThat(d.obligations()).contains(Obligations.markingOnly("eu"));
  }

  @Test
  void decide_cnProfile_disclosureInTextLanguageAndLabel() {
    Decision d =
        policy.decideSynthesis(
            inJurisdiction(
                facts(notificationsConsent(), "notifications", "zh-CN", "您的卡已寄出。"), "cn"));
    Obligations o = d.obligations().orElseThrow();
    assertThat(o.jurisdiction()).isEqualTo("cn");
    assertThat(o.machineReadableMarking()).isTrue();
    assertThat(o.audibleDisclosure()).contains("以下语音由人工智能合成。");
    assertThat(o.disclosureLanguage()).contains("zh-CN");
    assertThat(o.manifestLabel()).contains("人工智能生成 AI-generated");
  }

  @Test
  void decide_cnProfileLanguageWithoutDisclosure_refused() {
    Resource.Consent c = consent(Set.of("notifications"), Set.of("de"), Assurance.BASIC);
    Decision d =
        policy.decideSynthesis(
            inJurisdiction(facts(c, "notifications", "de", "Ihre Karte ist unterwegs."), "cn"));
    assertThat(d.reasonCodes()).containsExactly("disclosure_unavailable");
  }

  @Test
  void decide_unknownJurisdiction_policyDenied() {
    Decision d =
        policy.decideSynthesis(
            inJurisdiction(facts(notificationsConsent(), "notifications", "en", "Hi."), "mars"));
    assertThat(d.reasonCodes()).containsExactly("policy_denied");
    assertThat(d.detail()).isEqualTo("unknown jurisdiction profile mars");
  }

  @Test
  void decide_purposeNotConsented_outOfScope() {
    Decision d = policy.decideSynthesis(facts(notificationsConsent(), "marketing", "en", "Hi."));
    assertThat(d.reasonCodes()).containsExactly("out_of_scope");
    assertThat(d.detail()).isEqualTo("purpose not covered by the consent");
  }

  @Test
  void decide_languageNotConsented_outOfScope() {
    Decision d =
        policy.decideSynthesis(facts(notificationsConsent(), "notifications", "de", "Hallo."));
    assertThat(d.reasonCodes()).containsExactly("out_of_scope");
    assertThat(d.detail()).isEqualTo("language not covered by the consent");
  }

  @Test
  void decide_regionalVariantOfConsentedLanguage_allowed() {
    assertThat(
            policy
                .decideSynthesis(facts(notificationsConsent(), "notifications", "en-GB", "Hi."))
                .allowed())
        .isTrue();
  }

  @Test
  void decide_blockedVoice_voiceBlocked() {
    PolicyEngine e = engine(UsageRules.builder().blockVoice("voice-1").build());
    Decision d = e.decideSynthesis(facts(notificationsConsent(), "notifications", "en", "Hi."));
    assertThat(d.reasonCodes()).containsExactly("voice_blocked");
  }

  @Test
  void decide_otherTenantsClient_policyDenied() {
    SynthesisFacts f = facts(notificationsConsent(), "notifications", "en", "Hi.");
    SynthesisFacts other =
        new SynthesisFacts(
            Principal.licensee("c", "clinic"),
            f.consent(),
            f.purpose(),
            f.language(),
            f.text(),
            Optional.empty(),
            0,
            NOW);
    assertThat(policy.decideSynthesis(other).reasonCodes()).containsExactly("policy_denied");
  }

  @Test
  void decide_paymentsWithBasicAssurance_assuranceTooLow() {
    Resource.Consent c = consent(Set.of("payments"), Set.of("en"), Assurance.BASIC);
    Decision d = policy.decideSynthesis(facts(c, "payments", "en", "Your payment is due."));
    assertThat(d.reasonCodes()).containsExactly("assurance_too_low");
    assertThat(d.detail()).isEqualTo("payments needs high");
  }

  @Test
  void decide_paymentInstructionsOnNotificationsVoice_contentNotAllowed() {
    Decision d =
        policy.decideSynthesis(facts(notificationsConsent(), "notifications", "en", PAYMENT_TEXT));
    assertThat(d.reasonCodes()).containsExactly("content_not_allowed");
    assertThat(d.detail()).isEqualTo("content rule payment-instructions").doesNotContain("DE89");
  }

  @Test
  void decide_paymentInstructionsWhenConsentCoversPayments_allowed() {
    Resource.Consent c = consent(Set.of("notifications", "payments"), Set.of("en"), Assurance.HIGH);
    assertThat(policy.decideSynthesis(facts(c, "notifications", "en", PAYMENT_TEXT)).allowed())
        .isTrue();
  }

  @Test
  void decide_chinesePaymentInstruction_contentNotAllowed() {
    Decision d =
        policy.decideSynthesis(facts(notificationsConsent(), "notifications", "zh", "请尽快转账到以下账户。"));
    assertThat(d.reasonCodes()).containsExactly("content_not_allowed");
  }

  @Test
  void decide_quotaSpent_quotaExceededRetryAtUtcMidnight() {
    SynthesisFacts f = facts(notificationsConsent(), "notifications", "en", "x".repeat(20));
    Decision d = policy.decideSynthesis(used(f, 19_990, Instant.parse("2026-03-10T23:59:30Z")));
    assertThat(d.reasonCodes()).containsExactly("quota_exceeded");
    assertThat(d.retryAfterSeconds()).isEqualTo(OptionalLong.of(30));
  }

  @Test
  void decide_quotaExactlyReached_allowed() {
    SynthesisFacts f = facts(notificationsConsent(), "notifications", "en", "x".repeat(10));
    assertThat(policy.decideSynthesis(used(f, 19_990, NOW)).allowed()).isTrue();
  }

  @Test
  void decide_textLongerThanWholeQuota_noRetryAfter() {
    PolicyEngine e = engine(UsageRules.builder().charactersPerDay(5).build());
    Decision d = e.decideSynthesis(facts(notificationsConsent(), "notifications", "en", "123456"));
    assertThat(d.reasonCodes()).containsExactly("quota_exceeded");
    assertThat(d.retryAfterSeconds()).isEmpty();
  }

  @Test
  void decide_quotaCountsCodePoints() {
    PolicyEngine e = engine(UsageRules.builder().charactersPerDay(2).build());
    assertThat(
            e.decideSynthesis(facts(notificationsConsent(), "notifications", "en", "😀😀"))
                .allowed())
        .isTrue();
  }

  @Test
  void decide_severalFailures_allReasonsInCheckOrder() {
    Resource.Consent c = consent(Set.of("notifications"), Set.of("en"), Assurance.BASIC);
    PolicyEngine e = engine(UsageRules.builder().blockVoice("voice-1").build());
    Decision d = e.decideSynthesis(facts(c, "marketing", "de", "Hi."));
    assertThat(d.reasonCodes()).containsExactly("voice_blocked", "out_of_scope");
    assertThat(d.retryAfterSeconds()).isEmpty();
    assertThat(d.obligations()).isEmpty();
    assertThat(BANK_CLIENT.tenant()).isEqualTo("bank");
  }

  @Test
  void requireAllowed_refusal_throwsWithDecision() {
    Decision d = policy.decideSynthesis(facts(notificationsConsent(), "marketing", "en", "Hi."));
    try {
      d.requireAllowed();
      throw new AssertionError("no exception");
    } catch (PolicyDeniedException e) {
      assertThat(e.decision()).isSameAs(d);
      assertThat(e).hasMessage("refused: out_of_scope");
    }
  }

  @Test
  void facts_toString_hidesText() {
    SynthesisFacts f = facts(notificationsConsent(), "notifications", "en", "secret words");
    assertThat(f.toString()).doesNotContain("secret").contains("12 chars");
  }
}
