package org.voxproof.policy.internal;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.voxproof.policy.Action;
import org.voxproof.policy.Decision;
import org.voxproof.policy.PolicyConfigException;
import org.voxproof.policy.Principal;
import org.voxproof.policy.Reason;
import org.voxproof.policy.RequestContext;
import org.voxproof.policy.Resource;

/**
 * Cedar authorization: a policy set validated against the VoxProof schema, evaluated fail-closed (a
 * policy that errors while evaluating denies, so a broken {@code forbid} can never let a request
 * through). A {@code forbid} may name its refusal with {@code @reason("<stable reason>")}.
 */
public final class CedarAuthorizer {
  /** Policy sets above this size are refused before parsing. */
  public static final int MAX_POLICY_CHARS = 256 * 1024;

  private final PolicySet policies;
  private final Schema schema;
  private final Map<String, String> names;
  private final Map<String, Reason> forbidReasons;
  private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

  private CedarAuthorizer(
      PolicySet policies, Schema schema, Map<String, String> names, Map<String, Reason> reasons) {
    this.policies = policies;
    this.schema = schema;
    this.names = Map.copyOf(names);
    this.forbidReasons = Map.copyOf(reasons);
  }

  /** Parses and validates {@code policyText} against {@code schemaText} (Cedar syntax). */
  public static CedarAuthorizer load(String policyText, String schemaText)
      throws PolicyConfigException {
    if (policyText.length() > MAX_POLICY_CHARS) {
      throw new PolicyConfigException(
          "policy set is larger than " + MAX_POLICY_CHARS + " characters");
    }
    Schema schema = parseSchema(schemaText);
    PolicySet set = parsePolicies(policyText);
    validate(set, schema);
    cache(set, schema);
    Map<String, String> names = new HashMap<>();
    Map<String, Reason> reasons = new HashMap<>();
    for (Policy p : set.policies) {
      readAnnotations(p, names, reasons);
    }
    return new CedarAuthorizer(set, schema, names, reasons);
  }

  /** Number of policies in the set. */
  public int size() {
    return policies.policies.size();
  }

  /** The decision for one request. */
  public Decision authorize(
      Principal principal, Action action, Resource resource, RequestContext context) {
    if (!action.resourceType().isInstance(resource)) {
      throw new IllegalArgumentException(
          action.cedarId() + " applies to " + action.resourceType().getSimpleName());
    }
    AuthorizationRequest request =
        new AuthorizationRequest(
            CedarEntities.principalUid(principal),
            CedarEntities.actionUid(action),
            CedarEntities.resourceUid(resource),
            new Context(CedarEntities.context(context)),
            Optional.of(schema),
            true);
    AuthorizationResponse response;
    try {
      response = engine.isAuthorized(request, policies, CedarEntities.of(principal, resource));
    } catch (AuthException | RuntimeException e) {
      return Decision.deny(Reason.POLICY_DENIED, "authorization failed closed: engine error");
    }
    return decide(action, response);
  }

  private Decision decide(Action action, AuthorizationResponse response) {
    if (response.type != AuthorizationResponse.SuccessOrFailure.Success
        || response.success.isEmpty()) {
      return Decision.deny(Reason.POLICY_DENIED, "authorization failed closed: invalid request");
    }
    AuthorizationSuccessResponse ok = response.success.get();
    if (!ok.getErrors().isEmpty()) {
      TreeSet<String> broken = new TreeSet<>();
      ok.getErrors().forEach(e -> broken.add(name(e.getPolicyId())));
      return Decision.deny(
          Reason.POLICY_DENIED, "authorization failed closed: policy errors in " + broken);
    }
    if (ok.isAllowed()) {
      return Decision.allow();
    }
    TreeSet<String> by = new TreeSet<>();
    TreeSet<Reason> reasons = new TreeSet<>();
    for (String id : ok.getReason()) {
      by.add(name(id));
      reasons.add(forbidReasons.getOrDefault(id, Reason.POLICY_DENIED));
    }
    if (by.isEmpty()) {
      return Decision.deny(Reason.POLICY_DENIED, "no policy permits " + action.cedarId());
    }
    return Decision.deny(new ArrayList<>(reasons), "forbidden by " + by);
  }

  private String name(String policyId) {
    return names.getOrDefault(policyId, policyId);
  }

  private static Schema parseSchema(String text) throws PolicyConfigException {
    try {
      return Schema.parse(Schema.JsonOrCedar.Cedar, text);
    } catch (InternalException | RuntimeException e) {
      throw new PolicyConfigException("Cedar schema does not parse: " + firstLine(e), e);
    }
  }

  private static PolicySet parsePolicies(String text) throws PolicyConfigException {
    try {
      return PolicySet.parsePolicies(text);
    } catch (InternalException | RuntimeException e) {
      throw new PolicyConfigException("Cedar policy set does not parse: " + firstLine(e), e);
    }
  }

  /** Keeps the parsed set and schema on the native side (no re-serialisation per request). */
  private static void cache(PolicySet set, Schema schema) {
    try {
      set.cache();
      schema.cache();
    } catch (com.cedarpolicy.model.exception.CacheException | RuntimeException e) {
      // caching is an optimisation; without it every request carries the set
    }
  }

  private static void validate(PolicySet set, Schema schema) throws PolicyConfigException {
    ValidationResponse v;
    try {
      v = new BasicAuthorizationEngine().validate(new ValidationRequest(schema, set));
    } catch (AuthException | RuntimeException e) {
      throw new PolicyConfigException("Cedar validation failed: " + firstLine(e), e);
    }
    if (v.validationPassed()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    v.success.ifPresent(s -> s.validationErrors.forEach(e -> problems.add(describe(set, e))));
    v.errors.ifPresent(es -> es.forEach(e -> problems.add(e.message)));
    throw new PolicyConfigException("Cedar policy set does not match the schema: " + problems);
  }

  private static String describe(PolicySet set, ValidationResponse.ValidationError e) {
    String id = e.getPolicyId();
    for (Policy p : set.policies) {
      if (p.getID().equals(id)) {
        id = annotationOr(p, "id", id);
      }
    }
    return id + ": " + e.getError().message;
  }

  private static void readAnnotations(
      Policy p, Map<String, String> names, Map<String, Reason> reasons)
      throws PolicyConfigException {
    String name = annotationOr(p, "id", p.getID());
    names.put(p.getID(), name);
    String code = annotationOr(p, "reason", null);
    if (code == null) {
      return;
    }
    Reason r =
        Reason.fromCode(code)
            .orElseThrow(
                () -> new PolicyConfigException(name + ": unknown @reason(\"" + code + "\")"));
    try {
      if (p.effect() != com.cedarpolicy.model.Effect.FORBID) {
        throw new PolicyConfigException(name + ": @reason is only meaningful on a forbid");
      }
    } catch (InternalException e) {
      throw new PolicyConfigException(name + ": cannot read the policy's effect", e);
    }
    reasons.put(p.getID(), r);
  }

  private static String annotationOr(Policy p, String key, String fallback) {
    try {
      String v = p.getAnnotations().get(key);
      return v == null ? fallback : v;
    } catch (InternalException e) {
      return fallback;
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
