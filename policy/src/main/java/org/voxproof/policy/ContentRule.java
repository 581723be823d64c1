package org.voxproof.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.voxproof.policy.internal.PhrasePattern;

/**
 * A content rule: for requests whose purpose is in {@code purposes} (all purposes when empty), the
 * text must not match any {@code deny} pattern — unless the consent also covers the {@code
 * liftedBy} purpose. Example: a "notifications" voice may not say payment instructions unless the
 * consent covers "payments". Pattern syntax: docs/policy.md.
 */
public final class ContentRule {
  private final String id;
  private final Set<String> purposes;
  private final Optional<String> liftedBy;
  private final List<PhrasePattern> deny;

  /**
   * @throws IllegalArgumentException a pattern is malformed (the message names it)
   */
  public ContentRule(
      String id, Set<String> purposes, Optional<String> liftedBy, List<String> deny) {
    this.id = Ids.require(id, "rule id");
    this.purposes = Set.copyOf(purposes);
    this.liftedBy = Objects.requireNonNull(liftedBy, "liftedBy");
    if (deny.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no deny patterns");
    }
    this.deny = deny.stream().map(PhrasePattern::parse).toList();
  }

  public String id() {
    return id;
  }

  /** Purposes the rule applies to; empty means every purpose. */
  public Set<String> purposes() {
    return purposes;
  }

  /** A purpose that, when the consent covers it, lifts the rule. */
  public Optional<String> liftedBy() {
    return liftedBy;
  }

  /** The deny patterns as written. */
  public List<String> deny() {
    return deny.stream().map(PhrasePattern::source).toList();
  }

  /** True when this rule refuses {@code tokens} for {@code purpose} under a consent's purposes. */
  boolean refuses(String purpose, Set<String> consentPurposes, List<String> tokens) {
    if (!purposes.isEmpty() && !purposes.contains(purpose)) {
      return false;
    }
    if (liftedBy.isPresent() && consentPurposes.contains(liftedBy.get())) {
      return false;
    }
    for (PhrasePattern p : deny) {
      if (p.matches(tokens)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ContentRule[" + id + "]";
  }
}
