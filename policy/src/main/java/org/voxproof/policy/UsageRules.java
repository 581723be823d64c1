package org.voxproof.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's content and usage rules (a JSON document, docs/policy.md): jurisdiction profiles,
 * the no-go voice list, minimum assurance per purpose, content rules per purpose, daily character
 * quotas per consent and rate limits per client. Immutable. {@link #defaults()} is the document
 * shipped in the module; {@link #parse(String)} reads an operator's replacement.
 */
public final class UsageRules {
  private final String defaultJurisdiction;
  private final Map<String, Jurisdiction> jurisdictions;
  private final Set<String> blockedVoices;
  private final Assurance defaultMinimumAssurance;
  private final Map<String, Assurance> minimumAssurance;
  private final List<ContentRule> contentRules;
  private final long charactersPerDay;
  private final Map<String, Long> charactersPerDayByPurpose;
  private final RateLimit rateLimit;
  private final Map<String, RateLimit> clientRateLimits;

  UsageRules(Builder b) {
    this.jurisdictions = Map.copyOf(b.jurisdictions);
    this.defaultJurisdiction = Objects.requireNonNull(b.defaultJurisdiction);
    if (!jurisdictions.containsKey(defaultJurisdiction)) {
      throw new IllegalArgumentException(
          "defaultJurisdiction '" + defaultJurisdiction + "' is not a defined profile");
    }
    this.blockedVoices = Set.copyOf(b.blockedVoices);
    this.defaultMinimumAssurance = Objects.requireNonNull(b.defaultMinimumAssurance);
    this.minimumAssurance = Map.copyOf(b.minimumAssurance);
    this.contentRules = List.copyOf(b.contentRules);
    this.charactersPerDay = b.charactersPerDay;
    this.charactersPerDayByPurpose = Map.copyOf(b.charactersPerDayByPurpose);
    this.rateLimit = Objects.requireNonNull(b.rateLimit);
    this.clientRateLimits = Map.copyOf(b.clientRateLimits);
  }

  /** Parses an operator's rules document; the message of the exception names the bad field. */
  public static UsageRules parse(String json) throws PolicyConfigException {
    return RulesParser.parse(json);
  }

  /** The rules shipped in the module ({@code org/voxproof/policy/default-rules.json}). */
  public static UsageRules defaults() {
    try {
      return parse(resource("default-rules.json"));
    } catch (PolicyConfigException e) {
      throw new IllegalStateException("the shipped default rules are invalid", e);
    }
  }

  static String resource(String name) {
    try (InputStream in = UsageRules.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }

  public String defaultJurisdiction() {
    return defaultJurisdiction;
  }

  public Optional<Jurisdiction> jurisdiction(String name) {
    return Optional.ofNullable(jurisdictions.get(name));
  }

  public Map<String, Jurisdiction> jurisdictions() {
    return jurisdictions;
  }

  public Set<String> blockedVoices() {
    return blockedVoices;
  }

  /** The minimum assurance a consent must carry for {@code purpose}. */
  public Assurance minimumAssurance(String purpose) {
    return minimumAssurance.getOrDefault(purpose, defaultMinimumAssurance);
  }

  public List<ContentRule> contentRules() {
    return contentRules;
  }

  /** Characters per UTC day one consent may synthesize for {@code purpose}. */
  public long charactersPerDay(String purpose) {
    return charactersPerDayByPurpose.getOrDefault(purpose, charactersPerDay);
  }

  /** The token bucket parameters for {@code clientId}. */
  public RateLimit rateLimitFor(String clientId) {
    return clientRateLimits.getOrDefault(clientId, rateLimit);
  }

  /** Mutable collector used by the parser and by tests that build rules in code. */
  public static final class Builder {
    String defaultJurisdiction = "eu";
    Map<String, Jurisdiction> jurisdictions =
        new java.util.HashMap<>(Map.of("eu", new Jurisdiction("eu", Map.of(), Optional.empty())));
    Set<String> blockedVoices = new java.util.HashSet<>();
    Assurance defaultMinimumAssurance = Assurance.BASIC;
    Map<String, Assurance> minimumAssurance = new java.util.HashMap<>();
    List<ContentRule> contentRules = new java.util.ArrayList<>();
    long charactersPerDay = 20_000;
    Map<String, Long> charactersPerDayByPurpose = new java.util.HashMap<>();
    RateLimit rateLimit = new RateLimit(5, 20);
    Map<String, RateLimit> clientRateLimits = new java.util.HashMap<>();

    public Builder jurisdiction(Jurisdiction j) {
      jurisdictions.put(j.name(), j);
      return this;
    }

    public Builder defaultJurisdiction(String name) {
      defaultJurisdiction = name;
      return this;
    }

    public Builder blockVoice(String voiceId) {
      blockedVoices.add(Ids.require(voiceId, "voice id"));
      return this;
    }

    public Builder minimumAssurance(String purpose, Assurance a) {
      minimumAssurance.put(Ids.require(purpose, "purpose"), a);
      return this;
    }

    public Builder defaultMinimumAssurance(Assurance a) {
      defaultMinimumAssurance = a;
      return this;
    }

    public Builder contentRule(ContentRule r) {
      contentRules.add(r);
      return this;
    }

    public Builder charactersPerDay(long n) {
      charactersPerDay = requireQuota(n);
      return this;
    }

    public Builder charactersPerDay(String purpose, long n) {
      charactersPerDayByPurpose.put(Ids.require(purpose, "purpose"), requireQuota(n));
      return this;
    }

    public Builder rateLimit(RateLimit r) {
      rateLimit = r;
      return this;
    }

    public Builder rateLimit(String clientId, RateLimit r) {
      clientRateLimits.put(Ids.require(clientId, "client id"), r);
      return this;
    }

    public UsageRules build() {
      return new UsageRules(this);
    }

    private static long requireQuota(long n) {
      if (n < 0 || n > 1_000_000_000L) {
        throw new IllegalArgumentException("charactersPerDay must be in 0..1000000000");
      }
      return n;
    }
  }

  public static Builder builder() {
    return new Builder();
  }
}
