package org.voxproof.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the usage-rules JSON document strictly: unknown or duplicate keys, wrong types and bad
 * values are refused with the JSON path of the problem. Size and nesting are bounded.
 */
final class RulesParser {
  static final int MAX_CHARS = 1 << 20;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              com.fasterxml.jackson.core.JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(16)
                          .maxStringLength(64 * 1024)
                          .maxNumberLength(32)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private RulesParser() {}

  static UsageRules parse(String json) throws PolicyConfigException {
    if (json.length() > MAX_CHARS) {
      throw new PolicyConfigException("usage rules: larger than " + MAX_CHARS + " characters");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PolicyConfigException("usage rules: not valid JSON: " + e.getOriginalMessage());
    }
    try {
      return read(new At(root, "$"));
    } catch (IllegalArgumentException e) {
      throw new PolicyConfigException("usage rules: " + e.getMessage());
    }
  }

  private static UsageRules read(At root) {
    root.keys(
        "version",
        "defaultJurisdiction",
        "jurisdictions",
        "blockedVoices",
        "minimumAssurance",
        "contentRules",
        "quota",
        "rateLimit");
    if (root.get("version").integer(1, 1) != 1) {
      throw root.bad("version must be 1");
    }
    UsageRules.Builder b = UsageRules.builder();
    b.jurisdictions.clear();
    for (Map.Entry<String, At> e : root.get("jurisdictions").fields(1)) {
      b.jurisdiction(jurisdiction(e.getKey(), e.getValue()));
    }
    b.defaultJurisdiction(root.get("defaultJurisdiction").text());
    root.opt("blockedVoices")
        .ifPresent(a -> a.items().forEach(v -> v.wrap(() -> b.blockVoice(v.text()))));
    root.opt("minimumAssurance").ifPresent(a -> assurance(a, b));
    root.opt("contentRules").ifPresent(a -> a.items().forEach(r -> b.contentRule(rule(r))));
    root.opt("quota").ifPresent(q -> quota(q, b));
    root.opt("rateLimit").ifPresent(r -> rate(r, b));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw root.bad(e.getMessage());
    }
  }

  private static Jurisdiction jurisdiction(String name, At j) {
    j.keys("machineReadableMarking", "audibleDisclosure", "manifestLabel");
    Optional<At> marking = j.opt("machineReadableMarking");
    if (marking.isPresent() && !marking.get().bool()) {
      throw marking.get().bad("machine-readable marking cannot be turned off");
    }
    Map<String, String> disclosure = new HashMap<>();
    j.opt("audibleDisclosure")
        .ifPresent(d -> d.fields(0).forEach(e -> disclosure.put(e.getKey(), e.getValue().text())));
    Optional<String> label = j.opt("manifestLabel").map(At::text);
    return j.wrap(() -> new Jurisdiction(name, disclosure, label));
  }

  private static void assurance(At a, UsageRules.Builder b) {
    a.keys("default", "purposes");
    a.opt("default").ifPresent(d -> b.defaultMinimumAssurance(level(d)));
    a.opt("purposes")
        .ifPresent(
            p ->
                p.fields(0)
                    .forEach(
                        e -> p.wrap(() -> b.minimumAssurance(e.getKey(), level(e.getValue())))));
  }

  private static Assurance level(At a) {
    String s = a.text();
    return Assurance.fromCode(s).orElseThrow(() -> a.bad("assurance must be basic or high"));
  }

  private static ContentRule rule(At r) {
    r.keys("id", "purposes", "liftedBy", "deny");
    String id = r.get("id").text();
    Set<String> purposes = new HashSet<>();
    r.opt("purposes").ifPresent(p -> p.items().forEach(x -> purposes.add(x.text())));
    Optional<String> lifted = r.opt("liftedBy").map(At::text);
    List<String> deny = new ArrayList<>();
    r.get("deny").items().forEach(x -> deny.add(x.text()));
    return r.wrap(() -> new ContentRule(id, purposes, lifted, deny));
  }

  private static void quota(At q, UsageRules.Builder b) {
    q.keys("charactersPerDay", "purposes");
    q.opt("charactersPerDay").ifPresent(c -> c.wrap(() -> b.charactersPerDay(c.integer(0, 1e9))));
    q.opt("purposes")
        .ifPresent(
            p ->
                p.fields(0)
                    .forEach(
                        e ->
                            p.wrap(
                                () ->
                                    b.charactersPerDay(e.getKey(), e.getValue().integer(0, 1e9)))));
  }

  private static void rate(At r, UsageRules.Builder b) {
    r.keys("requestsPerSecond", "burst", "clients");
    if (r.opt("requestsPerSecond").isPresent() || r.opt("burst").isPresent()) {
      b.rateLimit(limit(r));
    }
    r.opt("clients")
        .ifPresent(
            c ->
                c.fields(0)
                    .forEach(
                        e -> {
                          e.getValue().keys("requestsPerSecond", "burst");
                          c.wrap(() -> b.rateLimit(e.getKey(), limit(e.getValue())));
                        }));
  }

  private static RateLimit limit(At r) {
    double rps = r.get("requestsPerSecond").number(1e-6, 1e6);
    int burst = (int) r.get("burst").integer(1, 1e6);
    return new RateLimit(rps, burst);
  }

  /** A node with its JSON path, for error messages. */
  private record At(JsonNode node, String path) {
    IllegalArgumentException bad(String problem) {
      return new IllegalArgumentException(path + ": " + problem);
    }

    <T> T wrap(java.util.function.Supplier<T> s) {
      try {
        return s.get();
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("$")) {
          throw e;
        }
        throw bad(e.getMessage());
      }
    }

    void keys(String... allowed) {
      if (!node.isObject()) {
        throw bad("must be an object");
      }
      Set<String> ok = Set.of(allowed);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!ok.contains(k)) {
          throw bad("unknown field '" + k + "'");
        }
      }
    }

    At get(String key) {
      return opt(key).orElseThrow(() -> bad("missing field '" + key + "'"));
    }

    Optional<At> opt(String key) {
      JsonNode n = node.get(key);
      return n == null || n.isNull() ? Optional.empty() : Optional.of(new At(n, path + "." + key));
    }

    List<At> items() {
      if (!node.isArray()) {
        throw bad("must be an array");
      }
      List<At> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(new At(node.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    List<Map.Entry<String, At>> fields(int min) {
      if (!node.isObject()) {
        throw bad("must be an object");
      }
      if (node.size() < min) {
        throw bad("must have at least " + min + " entries");
      }
      List<Map.Entry<String, At>> out = new ArrayList<>();
      node.fields()
          .forEachRemaining(
              e -> out.add(Map.entry(e.getKey(), new At(e.getValue(), path + "." + e.getKey()))));
      return out;
    }

    String text() {
      if (!node.isTextual()) {
        throw bad("must be a string");
      }
      return node.textValue();
    }

    boolean bool() {
      if (!node.isBoolean()) {
        throw bad("must be true or false");
      }
      return node.booleanValue();
    }

    double number(double min, double max) {
      if (!node.isNumber()) {
        throw bad("must be a number");
      }
      double v = node.doubleValue();
      if (!(v >= min && v <= max)) {
        throw bad("must be in [" + min + ", " + max + "]");
      }
      return v;
    }

    long integer(double min, double max) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw bad("must be an integer");
      }
      long v = node.longValue();
      if (v < min || v > max) {
        throw bad("must be in " + (long) min + ".." + (long) max);
      }
      return v;
    }
  }
}
