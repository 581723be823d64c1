package org.voxproof.consent.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.voxproof.consent.checks.Fingerprint;
import org.voxproof.consent.checks.ReplayIndex;
import org.voxproof.storage.StorageException;

/**
 * The {@link ReplayIndex} kept in the consent store ({@code consent_fingerprints}), with an
 * in-memory inverted index (hash → fingerprints) loaded on first use. A fingerprint matches an
 * earlier one when they share at least {@code minShared} distinct hashes and at least {@code
 * minFraction} of the smaller one's distinct hashes (a re-encoded, trimmed or noisier copy keeps a
 * good part of its landmarks; a different recording shares few). Thread-safe. One server process
 * writes the index; a failure to reach the store is a {@link StoreUnavailableException}.
 */
public final class StoredReplayIndex implements ReplayIndex {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry(String id, String scope, Set<Long> hashes) {}

  private final ConsentStore store;
  private final int minShared;
  private final double minFraction;
  private Map<String, Entry> entries; // guarded by this
  private Map<Long, List<Entry>> byHash; // guarded by this

  public StoredReplayIndex(ConsentStore store, int minShared, double minFraction) {
    if (minShared < 1 || !(minFraction > 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("minShared >= 1 and 0 < minFraction <= 1");
    }
    this.store = store;
    this.minShared = minShared;
    this.minFraction = minFraction;
  }

  /** Defaults: 8 shared hashes and 15 % of the smaller fingerprint. */
  public static StoredReplayIndex create(ConsentStore store) {
    return new StoredReplayIndex(store, 8, 0.15);
  }

  @Override
  public synchronized boolean matches(Fingerprint fingerprint) {
    load();
    Set<Long> q = distinct(fingerprint.hashes());
    if (q.isEmpty()) {
      return false;
    }
    Map<Entry, Integer> shared = new HashMap<>();
    for (long h : q) {
      for (Entry e : byHash.getOrDefault(h, List.of())) {
        shared.merge(e, 1, Integer::sum);
      }
    }
    for (Map.Entry<Entry, Integer> s : shared.entrySet()) {
      int smaller = Math.min(q.size(), s.getKey().hashes().size());
      if (s.getValue() >= minShared && s.getValue() >= minFraction * smaller) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void add(String scope, Fingerprint fingerprint) {
    load();
    byte[] r = new byte[12];
    RANDOM.nextBytes(r);
    String id = "fp_" + HexFormat.of().formatHex(r);
    try {
      store.addFingerprint(id, scope, fingerprint.hashes());
    } catch (StorageException e) {
      throw new StoreUnavailableException("cannot store a fingerprint", e);
    }
    index(new Entry(id, scope, distinct(fingerprint.hashes())));
  }

  @Override
  public synchronized void removeScope(String scope) {
    try {
      store.removeFingerprints(scope);
    } catch (StorageException e) {
      throw new StoreUnavailableException("cannot remove fingerprints", e);
    }
    forget(scope);
  }

  /** Drops the scope from memory only (the store already deleted its rows, e.g. in erasure). */
  public synchronized void forget(String scope) {
    if (entries == null) {
      return;
    }
    entries.values().removeIf(e -> e.scope().equals(scope));
    byHash.values().forEach(l -> l.removeIf(e -> e.scope().equals(scope)));
    byHash.values().removeIf(List::isEmpty);
  }

  private void load() {
    if (entries != null) {
      return;
    }
    entries = new HashMap<>();
    byHash = new HashMap<>();
    try {
      for (Object[] row : store.fingerprints()) {
        index(new Entry((String) row[0], (String) row[1], distinct((long[]) row[2])));
      }
    } catch (StorageException e) {
      entries = null;
      byHash = null;
      throw new StoreUnavailableException("cannot read fingerprints", e);
    }
  }

  private void index(Entry e) {
    entries.put(e.id(), e);
    for (long h : e.hashes()) {
      byHash.computeIfAbsent(h, k -> new ArrayList<>()).add(e);
    }
  }

  private static Set<Long> distinct(long[] hashes) {
    return LongStream.of(hashes).boxed().collect(Collectors.toSet());
  }
}
