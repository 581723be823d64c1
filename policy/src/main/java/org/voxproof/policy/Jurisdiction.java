package org.voxproof.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A jurisdiction profile: what every synthesis made under it must carry. Machine-readable marking
 * (watermark and C2PA manifest) is always on. A profile may also require an audible disclosure at
 * the start, in the language of the text (one sentence per language), and a label in the manifest
 * ({@code cn}: both).
 *
 * @param name the profile's name, e.g. {@code eu}
 * @param audibleDisclosure language (BCP 47, lower case) → sentence; empty: none required
 * @param manifestLabel the label to write into the manifest, if required
 */
public record Jurisdiction(
    String name, Map<String, String> audibleDisclosure, Optional<String> manifestLabel) {
  public Jurisdiction {
    Ids.require(name, "jurisdiction");
    TreeMap<String, String> m = new TreeMap<>();
    audibleDisclosure.forEach(
        (k, v) -> {
          if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("empty disclosure for " + k);
          }
          m.put(Ids.require(k, "language").toLowerCase(Locale.ROOT), v.strip());
        });
    audibleDisclosure = Map.copyOf(m);
    Objects.requireNonNull(manifestLabel, "manifestLabel");
    if (manifestLabel.isPresent() && manifestLabel.get().isBlank()) {
      throw new IllegalArgumentException("empty manifest label");
    }
  }

  /** True when the profile requires a spoken disclosure. */
  public boolean requiresDisclosure() {
    return !audibleDisclosure.isEmpty();
  }

  /**
   * The disclosure for {@code language}: an exact (case-insensitive) match, else one for its
   * primary subtag ({@code zh-CN} → {@code zh}).
   */
  public Optional<String> disclosureFor(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    String exact = audibleDisclosure.get(l);
    if (exact != null) {
      return Optional.of(exact);
    }
    int dash = l.indexOf('-');
    return dash < 0
        ? Optional.empty()
        : Optional.ofNullable(audibleDisclosure.get(l.substring(0, dash)));
  }
}
