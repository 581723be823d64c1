package org.voxproof.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voxproof.policy.Fixtures.BANK_CLIENT;
import static org.voxproof.policy.Fixtures.notificationsConsent;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationTest {
  private static final String PERMIT_SYNTH =
      "@id(\"all\") permit (principal, action == VoxProof::Action::\"synthesize\", resource);\n";

  private final PolicyEngine policy = build(null);

  private static PolicyEngine build(String cedar) {
    try {
      PolicyEngine.Builder b = PolicyEngine.builder();
      if (cedar != null) {
        b.policies(cedar);
      }
      return b.build();
    } catch (PolicyConfigException e) {
      throw new AssertionError(e);
    }
  }

  private Decision synth(Principal p, PolicyEngine e) {
    return e.authorize(p, Action.SYNTHESIZE, notificationsConsent(), RequestContext.NONE);
  }

  @Test
  void authorize_licenseeOwnTenant_allowed() {
    assertThat(synth(BANK_CLIENT, policy)).isEqualTo(Decision.allow());
  }

  @Test
  void authorize_tenantNamedWithSpaces_sameRules() {
    Resource.Consent c =
        new Resource.Consent(
            "c-1",
            "Acme Bank",
            "o-1",
            "v-1",
            java.util.Set.of("x"),
            java.util.Set.of("en"),
            Assurance.BASIC);
    Decision d =
        policy.authorize(
            Principal.licensee("k", "Acme Bank"), Action.SYNTHESIZE, c, RequestContext.NONE);
    assertThat(d.allowed()).isTrue();
    assertThatThrownBy(() -> Principal.licensee("k", " Acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tenant must be 1..128 printable ASCII characters, no leading or trailing space");
  }

  @Test
  void authorize_licenseeOtherTenant_policyDenied() {
    Decision d = synth(Principal.licensee("client-9", "clinic"), policy);
    assertThat(d.reasonCodes()).containsExactly("policy_denied");
    assertThat(d.detail()).isEqualTo("no policy permits synthesize");
  }

  @Test
  void authorize_ownerCannotSynthesize_policyDenied() {
    assertThat(synth(Principal.owner("owner-1", "bank"), policy).reasonCodes())
        .containsExactly("policy_denied");
  }

  private static final Resource.Voice VOICE = new Resource.Voice("voice-1", "bank", "owner-1");
  private static final Resource.Evidence EVIDENCE = new Resource.Evidence("ev-1", "bank");
  private static final Principal OWNER = Principal.owner("owner-1", "bank");
  private static final Principal OTHER_OWNER = Principal.owner("owner-2", "bank");
  private static final Principal POLICE = Principal.police("police-1", "police");
  private static final Principal PLATFORM = Principal.platform("plat-1", "video");

  private Decision ask(Principal p, Action a, Resource r) {
    return policy.authorize(p, a, r, RequestContext.NONE);
  }

  private Decision askWithLegalBasis(Principal p, Action a, Resource r) {
    return policy.authorize(p, a, r, RequestContext.withLegalBasis());
  }

  @Test
  void authorize_ownerOwnConsent_revokeAllowed() {
    assertThat(ask(OWNER, Action.REVOKE_CONSENT, notificationsConsent()).allowed()).isTrue();
  }

  @Test
  void authorize_ownerOfAnotherConsent_revokeDenied() {
    assertThat(ask(OTHER_OWNER, Action.REVOKE_CONSENT, notificationsConsent()).reasonCodes())
        .containsExactly("policy_denied");
  }

  @Test
  void authorize_ownerOwnVoice_eraseAllowedOtherDenied() {
    assertThat(ask(OWNER, Action.ERASE_VOICE, VOICE).allowed()).isTrue();
    assertThat(ask(OTHER_OWNER, Action.ERASE_VOICE, VOICE).allowed()).isFalse();
  }

  @Test
  void authorize_policeResolveWithoutLegalBasis_deniedByNamedForbid() {
    Decision d = ask(POLICE, Action.RESOLVE_IDENTITY, EVIDENCE);
    assertThat(d.reasonCodes()).containsExactly("policy_denied");
    assertThat(d.detail()).isEqualTo("forbidden by [resolve-identity-needs-legal-basis]");
  }

  @Test
  void authorize_policeResolveWithLegalBasis_allowed() {
    assertThat(askWithLegalBasis(POLICE, Action.RESOLVE_IDENTITY, EVIDENCE).allowed()).isTrue();
  }

  @Test
  void authorize_platformResolveIdentity_denied() {
    assertThat(askWithLegalBasis(PLATFORM, Action.RESOLVE_IDENTITY, EVIDENCE).reasonCodes())
        .containsExactly("policy_denied");
  }

  @Test
  void authorize_platformDetect_allowedLicenseeDetect_denied() {
    assertThat(ask(PLATFORM, Action.DETECT, EVIDENCE).allowed()).isTrue();
    assertThat(ask(BANK_CLIENT, Action.DETECT, EVIDENCE).allowed()).isFalse();
  }

  @Test
  void authorize_operatorManagesOwnTenantOnly() {
    Principal op = Principal.operator("admin-1", "bank");
    assertThat(ask(op, Action.MANAGE_CLIENTS, new Resource.Tenant("bank")).allowed()).isTrue();
    assertThat(ask(op, Action.MANAGE_CLIENTS, new Resource.Tenant("clinic")).allowed()).isFalse();
  }

  @Test
  void authorize_resourceOfWrongKind_throws() {
    assertThatThrownBy(
            () ->
                policy.authorize(
                    BANK_CLIENT,
                    Action.SYNTHESIZE,
                    new Resource.Tenant("bank"),
                    RequestContext.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("synthesize applies to Consent");
  }

  @Test
  void authorize_operatorForbidWithReason_reportsThatReason() {
    PolicyEngine e =
        build(
            PERMIT_SYNTH
                + "@id(\"no-marketing\") @reason(\"out_of_scope\") forbid (principal,"
                + " action == VoxProof::Action::\"synthesize\", resource)"
                + " when { context.purpose == \"marketing\" };");
    Decision d =
        e.authorize(
            BANK_CLIENT,
            Action.SYNTHESIZE,
            notificationsConsent(),
            RequestContext.of("marketing", "en"));
    assertThat(d.reasons()).isEqualTo(List.of(Reason.OUT_OF_SCOPE));
    assertThat(d.detail()).isEqualTo("forbidden by [no-marketing]");
  }

  @Test
  void authorize_forbidThatErrorsWhileEvaluating_failsClosed() {
    PolicyEngine e =
        build(
            PERMIT_SYNTH
                + "@id(\"overflow\") forbid (principal, action, resource)"
                + " when { 9223372036854775807 + 1 > 0 };");
    Decision d = synth(BANK_CLIENT, e);
    assertThat(d.reasonCodes()).containsExactly("policy_denied");
    assertThat(d.detail()).isEqualTo("authorization failed closed: policy errors in [overflow]");
  }

  @Test
  void build_policyNotMatchingSchema_refusedWithPolicyId() {
    assertThatThrownBy(
            () ->
                PolicyEngine.builder()
                    .policies(
                        "@id(\"colour\") permit (principal, action, resource is"
                            + " VoxProof::Consent) when { resource.colour == \"red\" };")
                    .build())
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageStartingWith("Cedar policy set does not match the schema: [colour: ");
  }

  @Test
  void build_syntaxError_refused() {
    assertThatThrownBy(() -> PolicyEngine.builder().policies("permit (principal,").build())
        .isInstanceOf(PolicyConfigException.class)
        .hasMessageStartingWith("Cedar policy set does not parse: ");
  }

  @Test
  void build_unknownReasonAnnotation_refused() {
    assertThatThrownBy(
            () ->
                PolicyEngine.builder()
                    .policies(
                        "@id(\"x\") @reason(\"because\") forbid (principal, action, resource);")
                    .build())
        .isInstanceOf(PolicyConfigException.class)
        .hasMessage("x: unknown @reason(\"because\")");
  }

  @Test
  void build_reasonOnPermit_refused() {
    assertThatThrownBy(
            () ->
                PolicyEngine.builder()
                    .policies(
                        "@id(\"p\") @reason(\"policy_denied\") permit (principal, action,"
                            + " resource);")
                    .build())
        .isInstanceOf(PolicyConfigException.class)
        .hasMessage("p: @reason is only meaningful on a forbid");
  }

  @Test
  void build_emptyPolicySet_deniesEverything() {
    Decision d = synth(BANK_CLIENT, build(""));
    assertThat(d.reasonCodes()).containsExactly("policy_denied");
  }
}
