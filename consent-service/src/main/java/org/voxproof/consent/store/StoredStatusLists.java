package org.voxproof.consent.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.voxproof.consent.token.ConsentClaims;
import org.voxproof.consent.token.InvalidTokenException;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.StatusSource;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.storage.StorageException;

/**
 * The consent service's status lists, built from the store: index {@code i} (global, handed out by
 * {@link ConsentStore#allocateStatusIndex}) lives in list {@code i / ENTRIES + 1} at {@code i %
 * ENTRIES}; an entry is {@link StatusList#INVALID} once its consent is revoked (or erased). As a
 * {@link StatusSource} it serves the in-process {@code ConsentVerifier}: a list is rebuilt from the
 * database when it is older than {@link #MAX_AGE_NANOS} or after a revocation in this process, so a
 * revocation is effective at once here and within half a second for another process on the same
 * database.
 */
public final class StoredStatusLists implements StatusSource {
  /** Entries per list (one bit each: 16 KiB uncompressed). */
  public static final int ENTRIES = 1 << 17;

  /** How long a list read from the database is reused: 0.5 s. */
  public static final long MAX_AGE_NANOS = 500_000_000L;

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

  private record Cached(StatusList list, long loaded) {}

  private final ConsentStore store;
  private final String prefix;
  private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

  public StoredStatusLists(ConsentStore store, String issuer) {
    this.store = Objects.requireNonNull(store);
    this.prefix = Objects.requireNonNull(issuer) + ConsentClaims.STATUS_LIST_PATH;
  }

  /** Where global index {@code index} is referenced from a token. */
  public StatusReference reference(long index) {
    return new StatusReference(prefix + (index / ENTRIES + 1), index % ENTRIES);
  }

  @Override
  public int status(String uri, long index)
      throws InvalidTokenException, StatusUnavailableException {
    if (!uri.startsWith(prefix) || !NUMBER.matcher(uri.substring(prefix.length())).matches()) {
      throw new InvalidTokenException("not one of this service's status lists");
    }
    int n = Integer.parseInt(uri.substring(prefix.length()));
    if (index < 0 || index >= ENTRIES || n > lists()) {
      throw new InvalidTokenException("no such status list entry");
    }
    return list(n).status(index);
  }

  /** How many lists exist (at least 1). */
  public int lists() throws StatusUnavailableException {
    try {
      long count = store.statusIndexCount();
      return (int) Math.max(1, (count + ENTRIES - 1) / ENTRIES);
    } catch (StorageException e) {
      throw new StatusUnavailableException("status store unavailable", e);
    }
  }

  /** List {@code n} as it is now (at most {@link #MAX_AGE_NANOS} old). */
  public StatusList list(int n) throws StatusUnavailableException {
    long now = System.nanoTime();
    Cached c = cache.get(n);
    if (c != null && now - c.loaded() < MAX_AGE_NANOS) {
      return c.list();
    }
    StatusList l = StatusList.empty(1, ENTRIES);
    long base = (long) (n - 1) * ENTRIES;
    try {
      for (long i : store.revokedIndexes(base, base + ENTRIES)) {
        l = l.with(i - base, StatusList.INVALID);
      }
    } catch (StorageException e) {
      throw new StatusUnavailableException("status store unavailable", e);
    }
    cache.put(n, new Cached(l, now));
    return l;
  }

  /** Forgets cached lists (after a revocation in this process). */
  public void invalidate() {
    cache.clear();
  }
}
