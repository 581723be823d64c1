package org.voxproof.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.voxproof.policy.internal.CedarAuthorizer;
import org.voxproof.policy.internal.TextTokens;

/**
 * The policy module's facade: who may do what (Cedar), and whether one synthesis may go ahead
 * (consent scope, no-go voices, minimum assurance, content rules, daily quota, jurisdiction
 * obligations), plus per-client rate limiting. Pure: no I/O, no clock; the caller passes the facts
 * and the time. Thread-safe.
 *
 * <pre>{@code
 * PolicyEngine policy = PolicyEngine.builder().build();          // shipped defaults
 * Decision d = policy.decideSynthesis(facts);
 * if (!d.allowed()) { ... d.reasonCodes() ... d.retryAfterSeconds() ... }
 * }</pre>
 */
public final class PolicyEngine {
  private final CedarAuthorizer cedar;
  private final UsageRules rules;
  private final RateLimiter rateLimiter;

  private PolicyEngine(CedarAuthorizer cedar, UsageRules rules) {
    this.cedar = cedar;
    this.rules = rules;
    this.rateLimiter = new RateLimiter(rules);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Cedar policy set shipped in the module ({@code default.cedar}). */
  public static String defaultPolicies() {
    return UsageRules.resource("default.cedar");
  }

  /** The Cedar schema every policy set is validated against ({@code voxproof.cedarschema}). */
  public static String schema() {
    return UsageRules.resource("voxproof.cedarschema");
  }

  /** The usage rules in force. */
  public UsageRules rules() {
    return rules;
  }

  /** The per-client rate limiter (state kept by the caller). */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** Cedar's decision: may {@code principal} do {@code action} on {@code resource}. */
  public Decision authorize(
      Principal principal, Action action, Resource resource, RequestContext context) {
    return cedar.authorize(principal, action, resource, context);
  }

  /**
   * Whether this synthesis may go ahead. Every check runs and every failing check adds its reason:
   * voice_blocked, out_of_scope, the Cedar refusal, assurance_too_low, content_not_allowed,
   * quota_exceeded, disclosure_unavailable. An allow carries the jurisdiction's obligations.
   */
  public Decision decideSynthesis(SynthesisFacts f) {
    Set<Reason> reasons = new LinkedHashSet<>();
    List<String> details = new ArrayList<>();
    Resource.Consent c = f.consent();
    if (rules.blockedVoices().contains(c.voiceId())) {
      add(reasons, details, Reason.VOICE_BLOCKED, "voice is on the no-go list");
    }
    checkScope(f, reasons, details);
    Decision authz =
        cedar.authorize(
            f.principal(), Action.SYNTHESIZE, c, RequestContext.of(f.purpose(), f.language()));
    if (!authz.allowed()) {
      reasons.addAll(authz.reasons());
      details.add(authz.detail());
    }
    Assurance min = rules.minimumAssurance(f.purpose());
    if (!c.assurance().atLeast(min)) {
      add(reasons, details, Reason.ASSURANCE_TOO_LOW, f.purpose() + " needs " + min.code());
    }
    checkContent(f, reasons, details);
    long quota = rules.charactersPerDay(f.purpose());
    boolean overQuota = f.charactersUsedToday() + f.characters() > quota;
    if (overQuota) {
      add(reasons, details, Reason.QUOTA_EXCEEDED, quota + " characters per day");
    }
    Optional<Jurisdiction> j = jurisdiction(f, reasons, details);
    if (reasons.isEmpty()) {
      return Decision.allow(obligations(j.orElseThrow(), f.language()));
    }
    String detail = String.join("; ", details);
    if (reasons.equals(Set.of(Reason.QUOTA_EXCEEDED)) && f.characters() <= quota) {
      return Decision.denyRetryAfter(Reason.QUOTA_EXCEEDED, detail, secondsToNextUtcDay(f.now()));
    }
    return Decision.deny(new ArrayList<>(reasons), detail);
  }

  private static void checkScope(SynthesisFacts f, Set<Reason> reasons, List<String> details) {
    Resource.Consent c = f.consent();
    if (!c.purposes().contains(f.purpose())) {
      add(reasons, details, Reason.OUT_OF_SCOPE, "purpose not covered by the consent");
    }
    if (!languageCovered(c.languages(), f.language())) {
      add(reasons, details, Reason.OUT_OF_SCOPE, "language not covered by the consent");
    }
  }

  /** {@code en} covers {@code en} and {@code en-GB}; {@code en-GB} covers only itself. */
  static boolean languageCovered(Set<String> consented, String language) {
    String l = language.toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    String primary = dash < 0 ? l : l.substring(0, dash);
    for (String c : consented) {
      String cl = c.toLowerCase(Locale.ROOT);
      if (cl.equals(l) || cl.equals(primary)) {
        return true;
      }
    }
    return false;
  }

  private void checkContent(SynthesisFacts f, Set<Reason> reasons, List<String> details) {
    if (rules.contentRules().isEmpty()) {
      return;
    }
    List<String> tokens = TextTokens.of(f.text());
    for (ContentRule r : rules.contentRules()) {
      if (r.refuses(f.purpose(), f.consent().purposes(), tokens)) {
        add(reasons, details, Reason.CONTENT_NOT_ALLOWED, "content rule " + r.id());
      }
    }
  }

  private Optional<Jurisdiction> jurisdiction(
      SynthesisFacts f, Set<Reason> reasons, List<String> details) {
    String name = f.jurisdiction().orElse(rules.defaultJurisdiction());
    Optional<Jurisdiction> j = rules.jurisdiction(name);
    if (j.isEmpty()) {
      add(reasons, details, Reason.POLICY_DENIED, "unknown jurisdiction profile " + name);
    } else if (j.get().requiresDisclosure() && j.get().disclosureFor(f.language()).isEmpty()) {
      add(reasons, details, Reason.DISCLOSURE_UNAVAILABLE, name + " needs a disclosure");
    }
    return j;
  }

  private static Obligations obligations(Jurisdiction j, String language) {
    Optional<String> disclosure = j.disclosureFor(language);
    return new Obligations(
        j.name(), true, disclosure, disclosure.map(d -> language), j.manifestLabel());
  }

  private static long secondsToNextUtcDay(Instant now) {
    Instant next =
        now.atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    return Math.max(1, (Duration.between(now, next).toMillis() + 999) / 1000);
  }

  private static void add(Set<Reason> reasons, List<String> details, Reason r, String detail) {
    reasons.add(r);
    details.add(detail);
  }

  /** Options: the Cedar policy set and the usage rules; both default to the shipped ones. */
  public static final class Builder {
    private String policies;
    private UsageRules rules;

    private Builder() {}

    /** Replaces the shipped Cedar policy set (the text of an operator's policy file). */
    public Builder policies(String cedarText) {
      this.policies = Objects.requireNonNull(cedarText);
      return this;
    }

    /** Replaces the shipped usage rules. */
    public Builder rules(UsageRules r) {
      this.rules = Objects.requireNonNull(r);
      return this;
    }

    /** Parses and validates the policy set against the schema. */
    public PolicyEngine build() throws PolicyConfigException {
      String p = policies == null ? defaultPolicies() : policies;
      return new PolicyEngine(
          CedarAuthorizer.load(p, schema()), rules == null ? UsageRules.defaults() : rules);
    }
  }
}
