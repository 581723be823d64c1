package org.voxproof.consent.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.voxproof.consent.checks.Fingerprint;
import org.voxproof.consent.checks.ReplayIndex;
import org.voxproof.storage.StorageException;

/**
 * The {@link ReplayIndex} kept in the consent store ({@code consent_fingerprints}), read into
 * memory on first use. Whether two fingerprints are the same recording is the checks' rule, given
 * at construction ({@code FingerprintMatch::matches} for the default checks). Thread-safe. One
 * server process writes the index; a failure to reach the store is a {@link
 * StoreUnavailableException}.
 */
public final class StoredReplayIndex implements ReplayIndex {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry(String id, String scope, Fingerprint fingerprint) {}

  private final ConsentStore store;
  private final BiPredicate<Fingerprint, Fingerprint> sameRecording;
  private List<Entry> entries; // guarded by this

  /**
   * @param sameRecording true when a new fingerprint (first) matches a stored one (second)
   */
  public StoredReplayIndex(
      ConsentStore store, BiPredicate<Fingerprint, Fingerprint> sameRecording) {
    this.store = Objects.requireNonNull(store);
    this.sameRecording = Objects.requireNonNull(sameRecording);
  }

  @Override
  public synchronized boolean matches(Fingerprint fingerprint) {
    load();
    for (Entry e : entries) {
      if (sameRecording.test(fingerprint, e.fingerprint())) {
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
    String id = "fp-" + HexFormat.of().formatHex(r);
    try {
      store.addFingerprint(id, scope, fingerprint.hashes());
    } catch (StorageException e) {
      throw new StoreUnavailableException("cannot store a fingerprint", e);
    }
    entries.add(new Entry(id, scope, fingerprint));
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
    if (entries != null) {
      entries.removeIf(e -> e.scope().equals(scope));
    }
  }

  private void load() {
    if (entries != null) {
      return;
    }
    List<Entry> loaded = new ArrayList<>();
    try {
      for (Object[] row : store.fingerprints()) {
        loaded.add(new Entry((String) row[0], (String) row[1], new Fingerprint((long[]) row[2])));
      }
    } catch (StorageException e) {
      throw new StoreUnavailableException("cannot read fingerprints", e);
    }
    entries = loaded;
  }
}
